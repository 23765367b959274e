namespace FollowUpFlow.Mail;

/// <summary>How the app signs in to Microsoft Graph. All three are app-only: the app acts on the candidate's mailbox by permission.</summary>
public enum GraphAuthMode
{
    /// <summary>An Entra app registration with a client secret (TenantId, ClientId, ClientSecret).</summary>
    ClientSecret,

    /// <summary>An Entra app registration with a certificate (TenantId, ClientId, and CertificatePath or CertificateThumbprint).</summary>
    Certificate,

    /// <summary>The Azure host's managed identity; ClientId picks a user-assigned one, none means system-assigned.</summary>
    ManagedIdentity,
}
