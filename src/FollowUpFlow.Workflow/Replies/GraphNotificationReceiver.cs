using System.Collections.Concurrent;
using FollowUpFlow.Workflow.Configuration;
using FollowUpFlow.Workflow.Inbound;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FollowUpFlow.Workflow.Replies;

/// <summary>How a notification post was received: refused (with the status to answer), or accepted and being processed.</summary>
public sealed record GraphNotificationReceipt(string PayloadId, int? RefusalStatus, string Reason, Task Processing)
{
    public bool Accepted => RefusalStatus is null;
}

/// <summary>
/// The notification endpoint's one service. As for every inbound payload, the post is stored before anything reads it;
/// then its clientState is checked (a post without the right one is refused and kept with the reason), and the
/// accepted notifications are processed after the caller has its answer, because Graph wants one within seconds. A
/// crash during processing loses nothing: the conversation check finds the same replies.
/// </summary>
public sealed partial class GraphNotificationReceiver(
    InboundStore store,
    GraphReplyWatcher watcher,
    IOptions<CandidateOptions> candidate,
    TimeProvider time,
    ILogger<GraphNotificationReceiver> logger,
    IHostApplicationLifetime? lifetime = null)
{
    private readonly ConcurrentDictionary<Task, byte> _inFlight = new();

    private CancellationToken Stopping => lifetime?.ApplicationStopping ?? CancellationToken.None;

    /// <summary>Completes when every accepted post so far has been processed (tests, and an orderly stop).</summary>
    public Task WhenIdleAsync() => Task.WhenAll(_inFlight.Keys.ToArray());

    public async Task<GraphNotificationReceipt> ReceiveAsync(ReadOnlyMemory<byte> body, string? contentType, bool truncated, long? declaredLength, CancellationToken cancellationToken)
    {
        var userId = candidate.Value.UserId;
        var receivedAt = time.GetUtcNow();
        var payloadId = InboundKeys.NewPayloadId(receivedAt);
        await store.SavePayloadAsync(
            userId,
            new StoredPayload(payloadId, receivedAt, InboundSource.GraphNotification.Name(), body.Length, InboundKeys.Sha256Hex(body.Span), truncated, declaredLength, contentType, InboundStatus.Received, "Stored; not processed yet."),
            body,
            cancellationToken);

        var (items, problem) = truncated ? ([], "The body is over the notification size limit; its first bytes are stored.") : GraphNotifications.Parse(body.Span);
        if (problem is not null)
        {
            return await RefuseAsync(userId, payloadId, truncated ? 413 : 400, problem, cancellationToken);
        }

        var expected = await watcher.GetClientStateAsync(cancellationToken);

        // Every item is compared, even after a mismatch, so the time taken does not tell which one was wrong.
        var allMatch = expected is not null;
        foreach (var item in items)
        {
            allMatch &= GraphNotifications.SameClientState(item.ClientState, expected ?? "");
        }

        if (!allMatch)
        {
            return await RefuseAsync(userId, payloadId, 403, "bad clientState: the notification does not carry the value this app gave its subscription.", cancellationToken);
        }

        var processing = Task.Run(() => ProcessAsync(userId, payloadId, items), CancellationToken.None);
        _inFlight.TryAdd(processing, 0);
        _ = processing.ContinueWith(t => _inFlight.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return new GraphNotificationReceipt(payloadId, null, $"{items.Count} notifications accepted.", processing);
    }

    private async Task ProcessAsync(string userId, string payloadId, IReadOnlyList<GraphNotification> items)
    {
        try
        {
            var reason = await watcher.ProcessAsync(items, Stopping);
            await store.RecordOutcomeAsync(userId, payloadId, new PayloadOutcome(InboundStatus.Processed, reason, null, null, []), time.GetUtcNow(), Stopping);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Only the exception's type and message; the conversation check will find what this missed.
            LogProcessingFailed(logger, e, payloadId);
            await store.RecordOutcomeAsync(userId, payloadId, new PayloadOutcome(InboundStatus.Failed, $"Processing failed ({e.GetType().Name}): {e.Message}", null, null, []), time.GetUtcNow(), Stopping);
        }
    }

    private async Task<GraphNotificationReceipt> RefuseAsync(string userId, string payloadId, int status, string reason, CancellationToken cancellationToken)
    {
        await store.RecordOutcomeAsync(userId, payloadId, new PayloadOutcome(InboundStatus.Refused, reason, null, null, []), time.GetUtcNow(), cancellationToken);
        LogRefused(logger, payloadId, status);
        return new GraphNotificationReceipt(payloadId, status, reason, Task.CompletedTask);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Graph notification payload {PayloadId} refused with status {Status}")]
    private static partial void LogRefused(ILogger logger, string payloadId, int status);

    [LoggerMessage(Level = LogLevel.Error, Message = "Processing Graph notification payload {PayloadId} failed; the conversation check will pick up what it missed")]
    private static partial void LogProcessingFailed(ILogger logger, Exception exception, string payloadId);
}
