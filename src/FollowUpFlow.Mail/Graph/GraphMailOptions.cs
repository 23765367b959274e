namespace FollowUpFlow.Mail;

/// <summary>Which mailbox the Graph transport works in and how it signs in. Checked by <see cref="GraphMailOptionsValidator"/>.</summary>
public sealed class GraphMailOptions
{
    public const string SectionName = "FollowUpFlow:Mail:Graph";
    public const string DefaultBaseUrl = "https://graph.microsoft.com/v1.0";

    /// <summary>The SDK's own default; Graph's throttling answers are usually gone within a few tries.</summary>
    public const int DefaultMaxRetries = 3;

    /// <summary>The SDK refuses more than this.</summary>
    public const int MaxMaxRetries = 10;

    /// <summary>The candidate's mailbox: an Entra user id (GUID) or user principal name.</summary>
    public string Mailbox { get; set; } = "";

    /// <summary>Required: which of the credential settings below apply.</summary>
    public GraphAuthMode? AuthMode { get; set; }

    public string? TenantId { get; set; }

    /// <summary>The app registration's client id; for managed identity, the user-assigned identity's client id (optional).</summary>
    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>A PFX/PKCS#12 or PEM file holding the certificate and its private key.</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    /// <summary>The SHA-1 thumbprint of a certificate in the CurrentUser or LocalMachine "My" store; instead of CertificatePath.</summary>
    public string? CertificateThumbprint { get; set; }

    /// <summary>The Graph root including its version; tests point it at a local fake (plain http is allowed for loopback only).</summary>
    public string BaseUrl { get; set; } = DefaultBaseUrl;

    /// <summary>How often the SDK's retry handler tries again after 429, 503 or 504 (it waits as Retry-After says).</summary>
    public int MaxRetries { get; set; } = DefaultMaxRetries;

    /// <summary>The whole time one Graph call may take, its retries included.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(100);
}
