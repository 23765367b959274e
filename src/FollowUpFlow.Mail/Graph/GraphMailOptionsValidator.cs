using System.Globalization;
using Microsoft.Extensions.Options;

namespace FollowUpFlow.Mail;

/// <summary>
/// Checks <see cref="GraphMailOptions"/> at start-up. Messages name the setting, never its value: several of them are secrets,
/// and the mailbox is an address.
/// </summary>
public sealed class GraphMailOptionsValidator : IValidateOptions<GraphMailOptions>
{
    private const int MaxMailboxLength = 256;

    public ValidateOptionsResult Validate(string? name, GraphMailOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();

        ValidateMailbox(options.Mailbox, failures);
        ValidateBaseUrl(options.BaseUrl, failures);
        if (options.MaxRetries is < 0 or > GraphMailOptions.MaxMaxRetries)
        {
            failures.Add($"{Key(nameof(GraphMailOptions.MaxRetries))} must be between 0 and {GraphMailOptions.MaxMaxRetries}.");
        }

        if (options.RequestTimeout < TimeSpan.FromSeconds(1) || options.RequestTimeout > TimeSpan.FromMinutes(10))
        {
            failures.Add($"{Key(nameof(GraphMailOptions.RequestTimeout))} must be between 1 second and 10 minutes.");
        }

        switch (options.AuthMode)
        {
            case GraphAuthMode.ClientSecret:
                RequireTenantAndClient(options, failures);
                Require(options.ClientSecret, nameof(GraphMailOptions.ClientSecret), "ClientSecret", failures);
                RefuseCertificateSettings(options, "ClientSecret", failures);
                break;
            case GraphAuthMode.Certificate:
                RequireTenantAndClient(options, failures);
                RefuseIfSet(options.ClientSecret, nameof(GraphMailOptions.ClientSecret), "Certificate", failures);
                ValidateCertificate(options, failures);
                break;
            case GraphAuthMode.ManagedIdentity:
                if (!string.IsNullOrWhiteSpace(options.ClientId) && !Guid.TryParse(options.ClientId, out _))
                {
                    failures.Add($"{Key(nameof(GraphMailOptions.ClientId))} must be the user-assigned identity's client id (a GUID), or empty for the system-assigned identity.");
                }

                RefuseIfSet(options.TenantId, nameof(GraphMailOptions.TenantId), "ManagedIdentity", failures);
                RefuseIfSet(options.ClientSecret, nameof(GraphMailOptions.ClientSecret), "ManagedIdentity", failures);
                RefuseCertificateSettings(options, "ManagedIdentity", failures);
                break;
            case null:
                failures.Add($"{Key(nameof(GraphMailOptions.AuthMode))} is required: ClientSecret, Certificate or ManagedIdentity.");
                break;
            default:
                failures.Add($"{Key(nameof(GraphMailOptions.AuthMode))} must be ClientSecret, Certificate or ManagedIdentity.");
                break;
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>For code that builds from options without the options pipeline (the credential and client factories).</summary>
    public static void ThrowIfInvalid(GraphMailOptions options)
    {
        var result = new GraphMailOptionsValidator().Validate(Options.DefaultName, options);
        if (result.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(GraphMailOptions), result.Failures);
        }
    }

    private static void ValidateMailbox(string? mailbox, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(mailbox))
        {
            failures.Add($"{Key(nameof(GraphMailOptions.Mailbox))} is required: the user id (GUID) or user principal name of the candidate's mailbox.");
            return;
        }

        if (Guid.TryParse(mailbox, out _))
        {
            return;
        }

        // A UPN is name@domain; anything that could change the request path is refused.
        var at = mailbox.IndexOf('@', StringComparison.Ordinal);
        var valid = mailbox.Length <= MaxMailboxLength
            && at > 0 && at < mailbox.Length - 1 && mailbox.IndexOf('@', at + 1) < 0
            && !mailbox.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '/' or '\\' or '?' or '#' or '%');
        if (!valid)
        {
            failures.Add($"{Key(nameof(GraphMailOptions.Mailbox))} must be a user id (GUID) or a user principal name of the form name@domain.");
        }
    }

    private static void ValidateBaseUrl(string? baseUrl, List<string> failures)
    {
        var key = Key(nameof(GraphMailOptions.BaseUrl));
        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
        {
            failures.Add($"{key} must be an absolute URL without query or fragment, such as {GraphMailOptions.DefaultBaseUrl}.");
            return;
        }

        // The token must never travel in clear text; plain http is only for a local fake.
        if (uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))
        {
            failures.Add($"{key} must use https (plain http only for a loopback address).");
        }
    }

    private static void RequireTenantAndClient(GraphMailOptions options, List<string> failures)
    {
        var mode = options.AuthMode.ToString()!;
        Require(options.TenantId, nameof(GraphMailOptions.TenantId), mode, failures);
        if (!string.IsNullOrWhiteSpace(options.TenantId) && options.TenantId.Any(c => char.IsWhiteSpace(c) || c is '/' or '\\' or '?' or '#'))
        {
            failures.Add($"{Key(nameof(GraphMailOptions.TenantId))} must be the directory (tenant) id or its domain name.");
        }

        Require(options.ClientId, nameof(GraphMailOptions.ClientId), mode, failures);
        if (!string.IsNullOrWhiteSpace(options.ClientId) && !Guid.TryParse(options.ClientId, out _))
        {
            failures.Add($"{Key(nameof(GraphMailOptions.ClientId))} must be the app registration's application (client) id, a GUID.");
        }
    }

    private static void ValidateCertificate(GraphMailOptions options, List<string> failures)
    {
        var hasPath = !string.IsNullOrWhiteSpace(options.CertificatePath);
        var hasThumbprint = !string.IsNullOrWhiteSpace(options.CertificateThumbprint);
        var pathKey = Key(nameof(GraphMailOptions.CertificatePath));
        var thumbprintKey = Key(nameof(GraphMailOptions.CertificateThumbprint));
        if (hasPath == hasThumbprint)
        {
            failures.Add($"AuthMode Certificate needs exactly one of {pathKey} and {thumbprintKey}.");
            return;
        }

        if (hasPath)
        {
            if (options.CertificatePath!.AsSpan().IndexOfAny(Path.GetInvalidPathChars()) >= 0)
            {
                failures.Add($"{pathKey} contains characters not allowed in a path.");
            }
            else if (!File.Exists(options.CertificatePath))
            {
                failures.Add($"{pathKey} does not name an existing file.");
            }

            return;
        }

        RefuseIfSet(options.CertificatePassword, nameof(GraphMailOptions.CertificatePassword), "Certificate with a thumbprint", failures);
        if (!IsSha1Thumbprint(options.CertificateThumbprint!))
        {
            failures.Add($"{thumbprintKey} must be 40 hexadecimal digits (a SHA-1 thumbprint).");
        }
    }

    private static void RefuseCertificateSettings(GraphMailOptions options, string mode, List<string> failures)
    {
        RefuseIfSet(options.CertificatePath, nameof(GraphMailOptions.CertificatePath), mode, failures);
        RefuseIfSet(options.CertificatePassword, nameof(GraphMailOptions.CertificatePassword), mode, failures);
        RefuseIfSet(options.CertificateThumbprint, nameof(GraphMailOptions.CertificateThumbprint), mode, failures);
    }

    private static void Require(string? value, string property, string mode, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            failures.Add($"{Key(property)} is required for AuthMode {mode}.");
        }
    }

    // A setting of another mode is almost always a mix-up; saying so beats ignoring it.
    private static void RefuseIfSet(string? value, string property, string mode, List<string> failures)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            failures.Add($"{Key(property)} is set but not used by AuthMode {mode}; remove it or change AuthMode.");
        }
    }

    private static bool IsSha1Thumbprint(string thumbprint)
    {
        var compact = thumbprint.Replace(" ", "", StringComparison.Ordinal);
        return compact.Length == 40 && compact.All(char.IsAsciiHexDigit);
    }

    private static string Key(string property) => string.Create(CultureInfo.InvariantCulture, $"{GraphMailOptions.SectionName}:{property}");
}
