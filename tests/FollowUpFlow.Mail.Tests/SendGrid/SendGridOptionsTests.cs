using FollowUpFlow.Mail.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FollowUpFlow.Mail.Tests.SendGrid;

public class SendGridOptionsTests
{
    private const string SecretKey = "SG.secret key-with-a-space";

    private static SendGridOptions Valid() => new()
    {
        ApiKey = SendGridHarness.ApiKey,
        ReplyDomain = SendGridHarness.ReplyDomain,
        ReplyKey = SendGridHarness.ReplyKey,
    };

    private static ValidateOptionsResult Validate(SendGridOptions options) => new SendGridOptionsValidator().Validate(null, options);

    [Fact]
    public void Valid_options_with_the_defaults_pass()
    {
        var options = Valid();

        Assert.True(Validate(options).Succeeded);
        Assert.Equal(new Uri("https://api.sendgrid.com"), options.BaseUrl);
    }

    public static TheoryData<string, Action<SendGridOptions>, string> Invalid => new()
    {
        { "no key", o => o.ApiKey = "", "FollowUpFlow:Mail:SendGrid:ApiKey is required" },
        { "key with a line break", o => o.ApiKey = "SG.abc\n", "FollowUpFlow:Mail:SendGrid:ApiKey must be printable ASCII" },
        { "relative url", o => o.BaseUrl = new Uri("/v3", UriKind.Relative), "FollowUpFlow:Mail:SendGrid:BaseUrl must be an absolute URL" },
        { "plain http", o => o.BaseUrl = new Uri("http://api.sendgrid.com"), "FollowUpFlow:Mail:SendGrid:BaseUrl must use https" },
        { "credentials in url", o => o.BaseUrl = new Uri("https://user:pw@api.sendgrid.com"), "must not carry credentials" },
        { "no reply domain", o => o.ReplyDomain = " ", "FollowUpFlow:Mail:SendGrid:ReplyDomain is required" },
        { "reply domain not a host", o => o.ReplyDomain = "replies_example", "FollowUpFlow:Mail:SendGrid:ReplyDomain 'replies_example' is not a host name" },
        { "no reply key", o => o.ReplyKey = "", "FollowUpFlow:Mail:SendGrid:ReplyKey is required" },
        { "reply key not base64", o => o.ReplyKey = "not base64!", "FollowUpFlow:Mail:SendGrid:ReplyKey is not valid base64" },
        { "reply key too short", o => o.ReplyKey = Convert.ToBase64String(new byte[31]), "must decode to at least 32 bytes (it decodes to 31)" },
        { "no attempts", o => o.MaxAttempts = 0, "FollowUpFlow:Mail:SendGrid:MaxAttempts must be between 1 and 10" },
        { "too many attempts", o => o.MaxAttempts = 11, "FollowUpFlow:Mail:SendGrid:MaxAttempts must be between 1 and 10" },
        { "zero retry cap", o => o.MaxRetryDelay = TimeSpan.Zero, "FollowUpFlow:Mail:SendGrid:MaxRetryDelay must be more than zero" },
        { "zero timeout", o => o.Timeout = TimeSpan.Zero, "FollowUpFlow:Mail:SendGrid:Timeout must be more than zero" },
        { "huge timeout", o => o.Timeout = TimeSpan.FromHours(1), "FollowUpFlow:Mail:SendGrid:Timeout must be more than zero" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Each_invalid_setting_fails_with_a_message_naming_it(string because, Action<SendGridOptions> change, string expected)
    {
        var options = Valid();
        change(options);

        var result = Validate(options);

        Assert.True(result.Failed, because);
        Assert.Contains(result.Failures!, f => f.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Failures_never_echo_a_secret()
    {
        var options = Valid();
        options.ApiKey = SecretKey;
        options.ReplyKey = "c2hvcnQta2V5";

        var result = Validate(options);

        Assert.Equal(2, result.Failures!.Count());
        Assert.All(result.Failures!, f => Assert.DoesNotContain(SecretKey, f, StringComparison.Ordinal));
        Assert.All(result.Failures!, f => Assert.DoesNotContain("c2hvcnQta2V5", f, StringComparison.Ordinal));
    }

    [Fact]
    public void Plain_http_is_allowed_for_a_loopback_fake()
    {
        var options = Valid();
        options.BaseUrl = new Uri("http://127.0.0.1:5123/");

        Assert.True(Validate(options).Succeeded);
    }

    [Fact]
    public void The_transport_refuses_invalid_options_when_it_is_built()
    {
        var options = Valid();
        options.ReplyKey = "";
        using var services = new ServiceCollection().AddHttpClient().BuildServiceProvider();

        var exception = Assert.Throws<OptionsValidationException>(() => new SendGridTransport(
            services.GetRequiredService<IHttpClientFactory>(), Options.Create(options), TimeProvider.System, NullLogger<SendGridTransport>.Instance));

        Assert.Contains("ReplyKey", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Registration_adds_the_transport_its_validator_a_clock_and_the_http_client()
    {
        var services = new ServiceCollection();
        services.AddSendGridTransport();

        Assert.Contains(services, d => d.ServiceType == typeof(IMailTransport) && d.ImplementationType == typeof(SendGridTransport));
        Assert.Contains(services, d => d.ServiceType == typeof(IValidateOptions<SendGridOptions>) && d.ImplementationType == typeof(SendGridOptionsValidator));
        Assert.Contains(services, d => d.ServiceType == typeof(TimeProvider));
        Assert.Contains(services, d => d.ServiceType == typeof(IHttpClientFactory));
    }

    [Fact]
    public void Registration_keeps_a_transport_registered_earlier()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IMailTransport>(new FileOutboxTransport(
            Options.Create(new FileOutboxOptions { Folder = "outbox" }), TimeProvider.System, new ListLogger<FileOutboxTransport>()));
        services.AddSendGridTransport();

        Assert.Null(Assert.Single(services, d => d.ServiceType == typeof(IMailTransport)).ImplementationType);
    }

    [Fact]
    public void A_registered_transport_with_bad_settings_fails_on_resolve_with_the_setting_named()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSendGridTransport().Configure(o => o.ApiKey = "");
        using var provider = services.BuildServiceProvider();

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IMailTransport>());

        Assert.Contains("FollowUpFlow:Mail:SendGrid:ApiKey is required", exception.Message, StringComparison.Ordinal);
    }
}
