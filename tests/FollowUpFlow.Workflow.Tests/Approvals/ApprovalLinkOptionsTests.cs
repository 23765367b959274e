using FollowUpFlow.Workflow.Approvals;
using FollowUpFlow.Workflow.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FollowUpFlow.Workflow.Tests.Approvals;

public sealed class ApprovalLinkOptionsTests
{
    private static readonly string GoodKey = Convert.ToBase64String(TestKeys.Current);
    private static readonly string OtherGoodKey = Convert.ToBase64String(TestKeys.Previous);

    [Fact]
    public void The_defaults_are_valid_with_links_off_a_48_hour_lifetime_and_the_local_app()
    {
        var options = new ApprovalLinkOptions();

        Assert.True(Validate(options).Succeeded);
        Assert.False(options.Enabled);
        Assert.Equal(TimeSpan.FromHours(48), options.Lifetime);
        Assert.Equal(new Uri("http://127.0.0.1:7071"), options.PublicBaseUrl);
    }

    [Fact]
    public void Keys_of_32_bytes_or_more_in_standard_base64_are_accepted_with_or_without_padding()
    {
        var unpadded = Convert.ToBase64String(TestKeys.Key(9).Concat(new byte[1]).ToArray()).TrimEnd('=');

        var result = Validate(new ApprovalLinkOptions { Keys = [GoodKey, $"  {OtherGoodKey}\n", unpadded] });

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void A_key_that_is_not_base64_is_named_by_its_position_and_never_shown()
    {
        const string NotBase64 = "this-is-not*base64!secret-value-of-enough-length";

        var result = Validate(new ApprovalLinkOptions { Keys = [GoodKey, NotBase64] });

        Assert.True(result.Failed);
        Assert.Contains("FollowUpFlow:ApprovalLinks:Keys:1 is not base64", result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-value", result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain(GoodKey, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_short_key_is_refused_with_its_size_and_the_minimum_but_not_its_value()
    {
        var shortKey = Convert.ToBase64String(TestKeys.Current.AsSpan(0, 16));

        var result = Validate(new ApprovalLinkOptions { Keys = [shortKey] });

        Assert.True(result.Failed);
        Assert.Contains("Keys:0 is 16 bytes; a key needs at least 32 random bytes", result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain(shortKey, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_keys_and_too_many_keys_are_refused()
    {
        Assert.Contains("Keys:0 is not base64", Validate(new ApprovalLinkOptions { Keys = ["  "] }).FailureMessage, StringComparison.Ordinal);
        var nine = Enumerable.Range(0, 9).Select(i => Convert.ToBase64String(TestKeys.Key((byte)i))).ToList();
        Assert.Contains("at most 8", Validate(new ApprovalLinkOptions { Keys = nine }).FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("-01:00:00")]
    [InlineData("00:04:59")]
    [InlineData("30.00:00:01")]
    public void A_lifetime_outside_five_minutes_to_thirty_days_is_refused(string lifetime)
    {
        var result = Validate(new ApprovalLinkOptions { Lifetime = TimeSpan.Parse(lifetime, System.Globalization.CultureInfo.InvariantCulture) });

        Assert.True(result.Failed);
        Assert.Contains("FollowUpFlow:ApprovalLinks:Lifetime must be between", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:7071")]
    [InlineData("http://localhost:5000/")]
    [InlineData("http://[::1]:8080")]
    [InlineData("https://followupflow.example.com")]
    [InlineData("https://example.com/apps/followupflow/")]
    public void A_public_base_url_over_https_or_on_this_machine_is_accepted(string url)
    {
        Assert.True(Validate(new ApprovalLinkOptions { PublicBaseUrl = new Uri(url) }).Succeeded);
    }

    [Theory]
    [InlineData("http://followupflow.example.com", "must use https")]
    [InlineData("http://192.168.1.10:7071", "must use https")]
    [InlineData("ftp://example.com", "must be an absolute http or https")]
    [InlineData("https://example.com/?next=1", "must not carry a query")]
    [InlineData("https://example.com/#top", "must not carry a query")]
    [InlineData("https://user:pw@example.com/", "must not carry a query")]
    public void A_public_base_url_that_would_make_bad_or_exposed_links_is_refused(string url, string expected)
    {
        var result = Validate(new ApprovalLinkOptions { PublicBaseUrl = new Uri(url) });

        Assert.True(result.Failed);
        Assert.Contains("FollowUpFlow:ApprovalLinks:PublicBaseUrl " + expected, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_or_relative_public_base_url_is_refused()
    {
        Assert.Contains("PublicBaseUrl is required", Validate(new ApprovalLinkOptions { PublicBaseUrl = null }).FailureMessage, StringComparison.Ordinal);
        Assert.Contains("absolute", Validate(new ApprovalLinkOptions { PublicBaseUrl = new Uri("/app", UriKind.Relative) }).FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var result = Validate(new ApprovalLinkOptions { Keys = ["AAAA"], Lifetime = TimeSpan.Zero, PublicBaseUrl = null });

        Assert.Equal(3, result.Failures!.Count());
    }

    [Fact]
    public void The_options_bind_from_configuration_and_the_signer_and_urls_are_built_from_them()
    {
        using var services = Build(new()
        {
            ["FollowUpFlow:ApprovalLinks:Keys:0"] = GoodKey,
            ["FollowUpFlow:ApprovalLinks:Keys:1"] = OtherGoodKey,
            ["FollowUpFlow:ApprovalLinks:Lifetime"] = "1.00:00:00",
            ["FollowUpFlow:ApprovalLinks:PublicBaseUrl"] = "https://followupflow.example.com/app/",
        });

        var options = services.GetRequiredService<IOptions<ApprovalLinkOptions>>().Value;
        var signer = services.GetRequiredService<ApprovalLinkSigner>();
        var urls = services.GetRequiredService<ApprovalUrls>();
        var signed = signer.Sign("default", "in-1", "in-1-d1");

        Assert.Equal([GoodKey, OtherGoodKey], options.Keys);
        Assert.Equal(TimeSpan.FromDays(1), options.Lifetime);
        Assert.True(TestKeys.Signer(TimeProvider.System, TestKeys.Current).Verify(signed.Token).IsValid);
        Assert.InRange(signed.Link.ExpiresAt - DateTimeOffset.UtcNow, TimeSpan.FromHours(23), TimeSpan.FromHours(24));
        Assert.Equal("https://followupflow.example.com/app/drafts/in-1-d1", urls.EditDraft("in-1-d1"));
    }

    [Fact]
    public void Bad_settings_fail_validation_with_a_message_that_does_not_carry_the_key()
    {
        var shortKey = Convert.ToBase64String(TestKeys.Current.AsSpan(0, 20));
        using var services = Build(new() { ["FollowUpFlow:ApprovalLinks:Keys:0"] = shortKey });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<ApprovalLinkOptions>>().Value);

        Assert.Contains("Keys:0 is 20 bytes", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(shortKey, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void With_no_keys_configured_asking_for_the_signer_says_that_approval_links_are_off()
    {
        using var services = Build([]);

        var error = Assert.Throws<InvalidOperationException>(() => services.GetRequiredService<ApprovalLinkSigner>());

        Assert.Contains("Approval links are off: set FollowUpFlow:ApprovalLinks:Keys", error.Message, StringComparison.Ordinal);
    }

    private static ValidateOptionsResult Validate(ApprovalLinkOptions options) => new ApprovalLinkOptionsValidator().Validate(null, options);

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        settings["FollowUpFlow:Storage:ConnectionString"] = "UseDevelopmentStorage=true";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddFollowUpFlowWorkflow();
        return services.BuildServiceProvider();
    }
}
