using FollowUpFlow.Workflow.Replies;

namespace FollowUpFlow.Workflow.Tests.Replies;

public sealed class GraphReplyOptionsTests
{
    [Theory]
    [InlineData("https://followupflow.example/api/graph/notifications")]
    [InlineData("http://127.0.0.1:7071/api/graph/notifications")]
    [InlineData("http://localhost/api/graph/notifications")]
    [InlineData("")]
    public void A_notification_url_graph_can_reach_is_accepted(string url) =>
        Assert.True(Validate(new GraphReplyOptions { NotificationUrl = url }).Succeeded);

    [Theory]
    [InlineData("http://followupflow.example/api/graph/notifications", "must use https")]
    [InlineData("/api/graph/notifications", "absolute https URL")]
    [InlineData("ftp://followupflow.example/notifications", "absolute https URL")]
    [InlineData("https://followupflow.example/api/graph/notifications?code=1", "without query")]
    public void A_notification_url_graph_would_refuse_names_the_setting(string url, string expected)
    {
        var result = Validate(new GraphReplyOptions { NotificationUrl = url });

        Assert.True(result.Failed);
        Assert.Contains("FollowUpFlow:Mail:Graph:Replies:NotificationUrl", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lifetime_over_graphs_4230_minutes_is_refused()
    {
        Assert.True(Validate(new GraphReplyOptions { SubscriptionLifetime = TimeSpan.FromMinutes(4_230) }).Succeeded);
        Assert.Contains("SubscriptionLifetime", Validate(new GraphReplyOptions { SubscriptionLifetime = TimeSpan.FromMinutes(4_231) }).FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Renewing_must_start_before_the_subscription_ends() =>
        Assert.Contains("RenewBefore", Validate(new GraphReplyOptions { SubscriptionLifetime = TimeSpan.FromHours(6), RenewBefore = TimeSpan.FromHours(6) }).FailureMessage, StringComparison.Ordinal);

    private static Microsoft.Extensions.Options.ValidateOptionsResult Validate(GraphReplyOptions options) =>
        new GraphReplyOptionsValidator().Validate(null, options);
}
