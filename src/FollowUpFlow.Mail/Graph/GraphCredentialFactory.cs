using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Azure.Core;
using Azure.Identity;

namespace FollowUpFlow.Mail;

/// <summary>Builds the Azure.Identity credential that <see cref="GraphMailOptions.AuthMode"/> names.</summary>
public static class GraphCredentialFactory
{
    public static TokenCredential Create(GraphMailOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        GraphMailOptionsValidator.ThrowIfInvalid(options);

        return options.AuthMode switch
        {
            GraphAuthMode.ClientSecret => new ClientSecretCredential(options.TenantId, options.ClientId, options.ClientSecret),
            GraphAuthMode.Certificate => CertificateCredential(options),
            GraphAuthMode.ManagedIdentity => new ManagedIdentityCredential(
                string.IsNullOrWhiteSpace(options.ClientId)
                    ? ManagedIdentityId.SystemAssigned
                    : ManagedIdentityId.FromUserAssignedClientId(options.ClientId)),
            _ => throw new InvalidOperationException("Unreachable: the validator accepts only the three modes."),
        };
    }

    private static ClientCertificateCredential CertificateCredential(GraphMailOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.CertificateThumbprint))
        {
            return new ClientCertificateCredential(options.TenantId, options.ClientId, FindByThumbprint(options.CertificateThumbprint));
        }

        // Without a password Azure.Identity reads PEM and PFX itself; a password-protected PFX is opened here.
        return string.IsNullOrEmpty(options.CertificatePassword)
            ? new ClientCertificateCredential(options.TenantId, options.ClientId, options.CertificatePath)
            : new ClientCertificateCredential(
                options.TenantId,
                options.ClientId,
                X509CertificateLoader.LoadPkcs12FromFile(options.CertificatePath!, options.CertificatePassword, X509KeyStorageFlags.EphemeralKeySet));
    }

    private static X509Certificate2 FindByThumbprint(string thumbprint)
    {
        var compact = thumbprint.Replace(" ", "", StringComparison.Ordinal);
        foreach (var location in (ReadOnlySpan<StoreLocation>)[StoreLocation.CurrentUser, StoreLocation.LocalMachine])
        {
            using var store = new X509Store(StoreName.My, location);
            try
            {
                store.Open(OpenFlags.ReadOnly | OpenFlags.OpenExistingOnly);
            }
            catch (CryptographicException)
            {
                // Missing, or not available on this platform (Linux has no LocalMachine "My" store).
                continue;
            }

            var found = store.Certificates.Find(X509FindType.FindByThumbprint, compact, validOnly: false);
            var withKey = found.FirstOrDefault(c => c.HasPrivateKey);
            if (withKey is not null)
            {
                return withKey;
            }
        }

        // A thumbprint identifies a public certificate: it is not a secret, so naming it helps whoever fixes the setting.
        throw new InvalidOperationException(
            $"No certificate with a private key and thumbprint {compact} is in the CurrentUser or LocalMachine 'My' store ({GraphMailOptions.SectionName}:{nameof(GraphMailOptions.CertificateThumbprint)}).");
    }
}
