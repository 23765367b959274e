using System.ComponentModel.DataAnnotations;
using FollowUpFlow.Mail;
using Microsoft.Extensions.Options;

namespace FollowUpFlow.Workflow.Replies;

/// <summary>How replies to mail sent through Graph come back: a subscription on the Inbox, and a periodic conversation check.</summary>
public sealed class GraphReplyOptions
{
    public const string Section = "FollowUpFlow:Mail:Graph:Replies";

    /// <summary>
    /// The app's public https address of POST /api/graph/notifications, which Graph calls; empty means no subscription
    /// (replies are then found by the conversation check alone). Plain http only for a loopback address (tests).
    /// </summary>
    public string NotificationUrl { get; set; } = "";

    /// <summary>How long each subscription or renewal asks for; Graph documents at most 4,230 minutes on messages.</summary>
    public TimeSpan SubscriptionLifetime { get; set; } = GraphInboxClient.MaxSubscriptionLifetime;

    /// <summary>A subscription that expires within this is renewed by the next tick.</summary>
    public TimeSpan RenewBefore { get; set; } = TimeSpan.FromHours(12);

    /// <summary>The fallback: how often a tick lists the conversations of sent drafts for replies no notification brought.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan ConversationCheckInterval { get; set; } = TimeSpan.FromMinutes(30);

    public Uri? NotificationUri => string.IsNullOrWhiteSpace(NotificationUrl) ? null : new Uri(NotificationUrl, UriKind.Absolute);
}

/// <summary>Checks <see cref="GraphReplyOptions"/> at start-up; messages name the setting.</summary>
public sealed class GraphReplyOptionsValidator : IValidateOptions<GraphReplyOptions>
{
    public ValidateOptionsResult Validate(string? name, GraphReplyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.NotificationUrl))
        {
            // On Linux "/path" parses as an absolute file: URI; only http(s) is an address Graph can post to.
            if (!Uri.TryCreate(options.NotificationUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
                || !string.IsNullOrEmpty(uri.Fragment) || !string.IsNullOrEmpty(uri.Query))
            {
                failures.Add($"{GraphReplyOptions.Section}:NotificationUrl must be an absolute https URL without query or fragment.");
            }

            // Graph delivers only to https; plain http is for a local fake on this machine.
            else if (uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))
            {
                failures.Add($"{GraphReplyOptions.Section}:NotificationUrl must use https (plain http only for a loopback address).");
            }
        }

        if (options.SubscriptionLifetime < TimeSpan.FromHours(1) || options.SubscriptionLifetime > GraphInboxClient.MaxSubscriptionLifetime)
        {
            failures.Add($"{GraphReplyOptions.Section}:SubscriptionLifetime must be between 1 hour and {GraphInboxClient.MaxSubscriptionLifetime.TotalMinutes} minutes (Graph's limit on messages).");
        }

        if (options.RenewBefore < TimeSpan.FromMinutes(5) || options.RenewBefore >= options.SubscriptionLifetime)
        {
            failures.Add($"{GraphReplyOptions.Section}:RenewBefore must be at least 5 minutes and shorter than SubscriptionLifetime.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
