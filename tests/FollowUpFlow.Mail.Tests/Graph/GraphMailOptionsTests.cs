using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Azure.Identity;
using FollowUpFlow.Mail.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FollowUpFlow.Mail.Tests.Graph;

public sealed class GraphMailOptionsTests : IDisposable
{
    private const string Secret = "s3cr3t-value~that-must-not-leak";
    private const string TenantId = "0f7a2c4e-1b3d-4e5f-8a9b-0c1d2e3f4a5b";
    private const string ClientId = "6e5d4c3b-2a19-4f8e-9d7c-6b5a49382716";

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Client_secret_mode_with_its_three_settings_is_valid() =>
        Assert.True(Validate(SecretOptions()).Succeeded);

    [Theory]
    [InlineData(nameof(GraphMailOptions.TenantId))]
    [InlineData(nameof(GraphMailOptions.ClientId))]
    [InlineData(nameof(GraphMailOptions.ClientSecret))]
    public void Client_secret_mode_names_each_missing_setting(string missing)
    {
        var options = SecretOptions();
        typeof(GraphMailOptions).GetProperty(missing)!.SetValue(options, " ");

        var result = Validate(options);

        Assert.True(result.Failed);
        Assert.Contains($"FollowUpFlow:Mail:Graph:{missing} is required for AuthMode ClientSecret.", result.Failures ?? []);
    }

    [Fact]
    public void A_client_id_that_is_not_a_guid_is_refused() =>
        Assert.Contains(FailuresOf(SecretOptions(o => o.ClientId = "my-app")), f => f.Contains("FollowUpFlow:Mail:Graph:ClientId", StringComparison.Ordinal));

    [Fact]
    public void Certificate_mode_takes_a_path_or_a_thumbprint_but_not_both_nor_neither()
    {
        var path = WritePfx(password: "pfx-password");
        Assert.True(Validate(CertificateOptions(o => o.CertificatePath = path)).Succeeded);
        Assert.True(Validate(CertificateOptions(o => o.CertificateThumbprint = new string('A', 40))).Succeeded);

        Assert.True(Validate(CertificateOptions()).Failed);
        Assert.True(Validate(CertificateOptions(o => { o.CertificatePath = path; o.CertificateThumbprint = new string('A', 40); })).Failed);
    }

    [Fact]
    public void Certificate_mode_refuses_a_missing_file_a_bad_thumbprint_and_a_secret()
    {
        Assert.Contains(FailuresOf(CertificateOptions(o => o.CertificatePath = Path.Combine(_folder.Path, "missing.pfx"))), f => f.Contains("existing file", StringComparison.Ordinal));
        Assert.Contains(FailuresOf(CertificateOptions(o => o.CertificateThumbprint = "not-hex")), f => f.Contains("40 hexadecimal", StringComparison.Ordinal));

        var withSecret = Validate(CertificateOptions(o => { o.CertificateThumbprint = new string('b', 40); o.ClientSecret = Secret; }));
        Assert.Contains(withSecret.Failures ?? [], f => f.Contains("FollowUpFlow:Mail:Graph:ClientSecret is set but not used", StringComparison.Ordinal));
        Assert.DoesNotContain(Secret, withSecret.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Managed_identity_needs_no_credential_settings_and_takes_an_optional_client_id()
    {
        Assert.True(Validate(new GraphMailOptions { Mailbox = "alex@contoso.example", AuthMode = GraphAuthMode.ManagedIdentity }).Succeeded);
        Assert.True(Validate(new GraphMailOptions { Mailbox = "alex@contoso.example", AuthMode = GraphAuthMode.ManagedIdentity, ClientId = ClientId }).Succeeded);
        Assert.True(Validate(new GraphMailOptions { Mailbox = "alex@contoso.example", AuthMode = GraphAuthMode.ManagedIdentity, ClientId = "x" }).Failed);

        var withSecret = Validate(new GraphMailOptions { Mailbox = "alex@contoso.example", AuthMode = GraphAuthMode.ManagedIdentity, ClientSecret = Secret });
        Assert.True(withSecret.Failed);
        Assert.DoesNotContain(Secret, withSecret.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_auth_mode_is_named()
    {
        var result = Validate(SecretOptions(o => o.AuthMode = null));
        Assert.Contains("FollowUpFlow:Mail:Graph:AuthMode is required: ClientSecret, Certificate or ManagedIdentity.", result.Failures ?? []);
        Assert.DoesNotContain(Secret, result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("alex")]
    [InlineData("alex@contoso.example/messages")]
    [InlineData("alex@@contoso.example")]
    [InlineData("alex @contoso.example")]
    public void A_mailbox_that_is_neither_a_upn_nor_a_guid_is_refused_without_echoing_it(string mailbox)
    {
        var result = Validate(SecretOptions(o => o.Mailbox = mailbox));
        var failure = Assert.Single(result.Failures ?? []);
        Assert.StartsWith("FollowUpFlow:Mail:Graph:Mailbox", failure, StringComparison.Ordinal);
        Assert.False(mailbox.Length > 0 && failure.Contains(mailbox, StringComparison.Ordinal));
    }

    [Fact]
    public void A_mailbox_may_be_a_user_id() =>
        Assert.True(Validate(SecretOptions(o => o.Mailbox = Guid.NewGuid().ToString())).Succeeded);

    [Theory]
    [InlineData("http://graph.microsoft.com/v1.0", false)]
    [InlineData("graph.microsoft.com/v1.0", false)]
    [InlineData("https://graph.microsoft.com/v1.0?x=1", false)]
    [InlineData("https://graph.microsoft.us/v1.0", true)]
    [InlineData("http://127.0.0.1:5123/v1.0", true)]
    public void The_base_url_is_https_except_on_loopback(string baseUrl, bool valid) =>
        Assert.Equal(valid, Validate(SecretOptions(o => o.BaseUrl = baseUrl)).Succeeded);

    [Theory]
    [InlineData(-1)]
    [InlineData(11)]
    public void The_retry_count_stays_within_what_the_sdk_allows(int maxRetries) =>
        Assert.True(Validate(SecretOptions(o => o.MaxRetries = maxRetries)).Failed);

    [Fact]
    public void The_credential_factory_builds_the_credential_each_mode_names()
    {
        Assert.IsType<ClientSecretCredential>(GraphCredentialFactory.Create(SecretOptions()));
        Assert.IsType<ManagedIdentityCredential>(GraphCredentialFactory.Create(new GraphMailOptions { Mailbox = "a@b.example", AuthMode = GraphAuthMode.ManagedIdentity }));
        Assert.IsType<ClientCertificateCredential>(GraphCredentialFactory.Create(CertificateOptions(o => o.CertificatePath = WritePfx(password: null))));
        Assert.IsType<ClientCertificateCredential>(GraphCredentialFactory.Create(CertificateOptions(o =>
        {
            o.CertificatePath = WritePfx(password: "pfx-password");
            o.CertificatePassword = "pfx-password";
        })));
    }

    [Fact]
    public void The_credential_factory_names_a_thumbprint_it_cannot_find()
    {
        var thumbprint = "0123456789ABCDEF0123456789ABCDEF01234567";
        var failure = Assert.Throws<InvalidOperationException>(() => GraphCredentialFactory.Create(CertificateOptions(o => o.CertificateThumbprint = thumbprint)));
        Assert.Contains(thumbprint, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_credential_factory_refuses_invalid_options_without_leaking_the_secret()
    {
        var failure = Assert.Throws<OptionsValidationException>(() => GraphCredentialFactory.Create(SecretOptions(o => o.TenantId = null)));
        Assert.DoesNotContain(Secret, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Registration_adds_the_transport_as_the_mail_transport_with_its_validator_and_a_clock()
    {
        var services = new ServiceCollection();
        services.AddGraphMailTransport();

        Assert.Contains(services, d => d.ServiceType == typeof(IMailTransport));
        Assert.Contains(services, d => d.ServiceType == typeof(GraphMailTransport));
        Assert.Contains(services, d => d.ServiceType == typeof(GraphMailClient));
        Assert.Contains(services, d => d.ServiceType == typeof(IValidateOptions<GraphMailOptions>) && d.ImplementationType == typeof(GraphMailOptionsValidator));
        Assert.Contains(services, d => d.ServiceType == typeof(TimeProvider));
    }

    [Fact]
    public void The_registered_transport_is_built_from_bound_options()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddGraphMailTransport().Configure(o =>
        {
            o.Mailbox = "alex@contoso.example";
            o.AuthMode = GraphAuthMode.ManagedIdentity;
        });
        using var provider = services.BuildServiceProvider();

        Assert.Same(provider.GetRequiredService<GraphMailTransport>(), provider.GetRequiredService<IMailTransport>());
    }

    [Fact]
    public void Invalid_bound_options_fail_when_the_transport_is_built()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddGraphMailTransport().Configure(o => o.AuthMode = GraphAuthMode.ClientSecret);
        using var provider = services.BuildServiceProvider();

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IMailTransport>());
        Assert.Contains(failure.Failures, f => f.StartsWith("FollowUpFlow:Mail:Graph:Mailbox", StringComparison.Ordinal));
    }

    [Fact]
    public void Registration_keeps_a_transport_registered_earlier()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IMailTransport, FileOutboxTransport>();
        services.AddGraphMailTransport();

        Assert.Equal(typeof(FileOutboxTransport), Assert.Single(services, d => d.ServiceType == typeof(IMailTransport)).ImplementationType);
    }

    private static ValidateOptionsResult Validate(GraphMailOptions options) => new GraphMailOptionsValidator().Validate(null, options);

    private static IEnumerable<string> FailuresOf(GraphMailOptions options) => Validate(options).Failures ?? [];

    private static GraphMailOptions SecretOptions(Action<GraphMailOptions>? change = null)
    {
        var options = new GraphMailOptions
        {
            Mailbox = "alex@contoso.example",
            AuthMode = GraphAuthMode.ClientSecret,
            TenantId = TenantId,
            ClientId = ClientId,
            ClientSecret = Secret,
        };
        change?.Invoke(options);
        return options;
    }

    private static GraphMailOptions CertificateOptions(Action<GraphMailOptions>? change = null)
    {
        var options = new GraphMailOptions
        {
            Mailbox = "alex@contoso.example",
            AuthMode = GraphAuthMode.Certificate,
            TenantId = TenantId,
            ClientId = ClientId,
        };
        change?.Invoke(options);
        return options;
    }

    private string WritePfx(string? password)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=FollowUpFlow test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        Directory.CreateDirectory(_folder.Path);
        var path = Path.Combine(_folder.Path, $"{Guid.NewGuid():N}.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
        return path;
    }
}
