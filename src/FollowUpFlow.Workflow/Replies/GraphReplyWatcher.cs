using FollowUpFlow.Mail;
using FollowUpFlow.Workflow.Configuration;
using FollowUpFlow.Workflow.Persistence;
using FollowUpFlow.Workflow.Scheduling;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FollowUpFlow.Workflow.Replies;

/// <summary>
/// Keeps replies to mail sent through Graph coming back: holds a subscription on the Inbox (created, renewed before it
/// expires, recreated when Graph dropped it), turns notified messages into replies, and, as the fallback for whatever no
/// notification brought, lists the conversations of sent drafts every <see cref="GraphReplyOptions.ConversationCheckInterval"/>.
/// </summary>
public sealed partial class GraphReplyWatcher(
    GraphInboxClient graph,
    GraphSubscriptionStore subscriptions,
    GraphReplyRecorder recorder,
    InterviewStore interviews,
    IOptions<GraphReplyOptions> options,
    IOptions<CandidateOptions> candidate,
    TimeProvider time,
    ILogger<GraphReplyWatcher> logger) : ITickWork
{
    private string UserId => candidate.Value.UserId;

    /// <summary>From the scheduler's tick: the subscription kept alive, then the conversation check when it is due.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (options.Value.NotificationUri is not null)
        {
            await EnsureSubscriptionAsync(cancellationToken);
        }

        var state = await subscriptions.GetAsync(UserId, cancellationToken);
        if (state?.LastConversationCheck is not { } last || time.GetUtcNow() - last >= options.Value.ConversationCheckInterval)
        {
            await CheckConversationsAsync(cancellationToken);
        }
    }

    /// <summary>The subscription as the tick keeps it: created when there is none, renewed when it expires soon.</summary>
    public async Task<GraphSubscriptionState> EnsureSubscriptionAsync(CancellationToken cancellationToken)
    {
        var state = await subscriptions.GetAsync(UserId, cancellationToken);
        var now = time.GetUtcNow();
        if (state is { SubscriptionId: not null, ExpiresAt: { } expiresAt } && expiresAt > now)
        {
            return expiresAt - now > options.Value.RenewBefore ? state : await RenewAsync(state, cancellationToken);
        }

        return await CreateAsync(state, cancellationToken);
    }

    /// <summary>The clientState notifications must carry; null while no subscription was ever made.</summary>
    public async Task<string?> GetClientStateAsync(CancellationToken cancellationToken) =>
        (await subscriptions.GetAsync(UserId, cancellationToken))?.ClientState;

    /// <summary>Acts on notifications whose clientState was checked: each message looked up, each lifecycle event handled.</summary>
    public async Task<string> ProcessAsync(IReadOnlyList<GraphNotification> notifications, CancellationToken cancellationToken)
    {
        var recorded = 0;
        var others = 0;
        var lifecycle = new List<string>();
        foreach (var notification in notifications)
        {
            switch (notification.LifecycleEvent)
            {
                case GraphNotifications.ReauthorizationRequired:
                    var state = await subscriptions.GetAsync(UserId, cancellationToken);
                    await RenewAsync(state, cancellationToken);
                    lifecycle.Add("renewed");
                    break;
                case GraphNotifications.SubscriptionRemoved:
                    // Nothing was notified while it was gone: once it is back, the conversations are checked for that time.
                    await CreateAsync(await subscriptions.GetAsync(UserId, cancellationToken), cancellationToken);
                    recorded += await CheckConversationsAsync(cancellationToken);
                    lifecycle.Add("recreated, conversations checked");
                    break;
                case GraphNotifications.Missed:
                    recorded += await CheckConversationsAsync(cancellationToken);
                    lifecycle.Add("conversations checked");
                    break;
                case { } unknown:
                    LogUnknownLifecycleEvent(logger, unknown);
                    break;
                default:
                    if (notification.MessageId is { Length: > 0 } id && await graph.GetMessageAsync(id, cancellationToken) is { } message)
                    {
                        var outcome = await recorder.RecordAsync(UserId, message, cancellationToken);
                        if (outcome == GraphReplyOutcome.Recorded)
                        {
                            recorded++;
                        }
                        else
                        {
                            others++;
                        }
                    }

                    break;
            }
        }

        return lifecycle.Count == 0
            ? $"{recorded} replies recorded; {others} other messages."
            : $"{recorded} replies recorded; {others} other messages; subscription: {string.Join(", ", lifecycle)}.";
    }

    /// <summary>
    /// The fallback: every sent draft with a conversation whose interview still waits for replies has its conversation
    /// listed, and any reply not yet recorded is. Returns how many were recorded.
    /// </summary>
    public async Task<int> CheckConversationsAsync(CancellationToken cancellationToken)
    {
        var startedAt = time.GetUtcNow();
        var conversations = new HashSet<string>(StringComparer.Ordinal);
        var open = new Dictionary<string, bool>(StringComparer.Ordinal);
        await foreach (var sent in interviews.ListDraftsAsync(UserId, Core.Model.DraftStatus.Sent, cancellationToken))
        {
            if (sent.Draft.ConversationId is not { Length: > 0 } conversationId)
            {
                continue;
            }

            if (!open.TryGetValue(sent.InterviewId, out var waiting))
            {
                var record = await interviews.GetAsync(UserId, sent.InterviewId, cancellationToken);
                open[sent.InterviewId] = waiting = record is not null && !record.State.IsClosed;
            }

            if (waiting)
            {
                conversations.Add(conversationId);
            }
        }

        var recorded = 0;
        foreach (var conversationId in conversations)
        {
            foreach (var message in await graph.ListConversationAsync(conversationId, cancellationToken))
            {
                if (await recorder.RecordAsync(UserId, message, cancellationToken) == GraphReplyOutcome.Recorded)
                {
                    recorded++;
                }
            }
        }

        await subscriptions.SaveConversationCheckAsync(UserId, startedAt, cancellationToken);
        LogConversationsChecked(logger, conversations.Count, recorded);
        return recorded;
    }

    private async Task<GraphSubscriptionState> RenewAsync(GraphSubscriptionState? state, CancellationToken cancellationToken)
    {
        if (state is not { SubscriptionId: { } id, ClientState: { } clientState })
        {
            return await CreateAsync(state, cancellationToken);
        }

        var renewed = await graph.RenewSubscriptionAsync(id, time.GetUtcNow() + options.Value.SubscriptionLifetime, cancellationToken);
        if (renewed is null)
        {
            LogSubscriptionGone(logger, id);
            return await CreateAsync(state, cancellationToken);
        }

        var saved = state with { ExpiresAt = renewed };
        await subscriptions.SaveSubscriptionAsync(UserId, clientState, id, renewed, cancellationToken);
        LogSubscriptionRenewed(logger, id, renewed.Value);
        return saved;
    }

    private async Task<GraphSubscriptionState> CreateAsync(GraphSubscriptionState? state, CancellationToken cancellationToken)
    {
        var url = options.Value.NotificationUri ?? throw new InvalidOperationException($"{GraphReplyOptions.Section}:NotificationUrl is not set; no subscription can be made.");

        // The clientState is stored before Graph is asked: Graph validates the URL and may notify at once, and the
        // endpoint must know the value by then.
        var clientState = state?.ClientState ?? GraphSubscriptionStore.NewClientState();
        if (state?.ClientState is null)
        {
            await subscriptions.SaveSubscriptionAsync(UserId, clientState, null, null, cancellationToken);
        }

        var created = await graph.CreateSubscriptionAsync(url, clientState, time.GetUtcNow() + options.Value.SubscriptionLifetime, cancellationToken);
        var saved = new GraphSubscriptionState(clientState, created.Id, created.ExpiresAt, state?.LastConversationCheck);
        await subscriptions.SaveSubscriptionAsync(UserId, clientState, created.Id, created.ExpiresAt, cancellationToken);
        LogSubscriptionCreated(logger, created.Id, created.ExpiresAt);
        return saved;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created Graph subscription {SubscriptionId} on the Inbox, expiring {ExpiresAt}")]
    private static partial void LogSubscriptionCreated(ILogger logger, string subscriptionId, DateTimeOffset expiresAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Renewed Graph subscription {SubscriptionId} until {ExpiresAt}")]
    private static partial void LogSubscriptionRenewed(ILogger logger, string subscriptionId, DateTimeOffset expiresAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Graph no longer has subscription {SubscriptionId}; creating a new one")]
    private static partial void LogSubscriptionGone(ILogger logger, string subscriptionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Graph sent lifecycle event {LifecycleEvent}, which this app does not know; ignored")]
    private static partial void LogUnknownLifecycleEvent(ILogger logger, string lifecycleEvent);

    [LoggerMessage(Level = LogLevel.Information, Message = "Checked {Conversations} conversations for replies; {Recorded} recorded")]
    private static partial void LogConversationsChecked(ILogger logger, int conversations, int recorded);
}
