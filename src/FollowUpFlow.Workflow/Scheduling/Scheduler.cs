using FollowUpFlow.Workflow.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FollowUpFlow.Workflow.Scheduling;

/// <summary>What one tick found and did.</summary>
public sealed record TickResult(int Due, int Handled, int Failed);

/// <summary>
/// One tick: read the due index up to now (a single range query) and handle each row. Safe to run from several
/// processes at once: every change goes through the engine's optimistic concurrency, so a timer fires once.
/// </summary>
public sealed partial class Scheduler(
    DueIndex dueIndex,
    WorkflowEngine engine,
    TimeProvider time,
    IOptions<WorkflowOptions> options,
    ILogger<Scheduler> logger,
    IEnumerable<ITickWork>? work = null)
{
    public async Task<TickResult> TickAsync(CancellationToken cancellationToken)
    {
        var due = await dueIndex.GetDueAsync(time.GetUtcNow(), options.Value.TickBatchSize, cancellationToken);
        var failed = 0;
        foreach (var item in due)
        {
            try
            {
                await engine.HandleDueAsync(item, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // One interview's trouble must not hold up the others: its row moves back, further each time, and the
                // rows behind it come first. Nothing is dropped; the error log says what keeps failing.
                failed++;
                LogDueItemFailed(logger, e, item.Kind, item.ItemId, item.InterviewId, item.Attempts + 1);
                await PostponeAsync(item, cancellationToken);
            }
        }

        foreach (var item in work ?? [])
        {
            try
            {
                await item.RunAsync(cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // Its own business (a provider down, say): the due items above were handled; the next tick tries again.
                LogTickWorkFailed(logger, e, item.GetType().Name);
            }
        }

        if (due.Count > 0)
        {
            LogTick(logger, due.Count, failed);
        }

        return new TickResult(due.Count, due.Count - failed, failed);
    }

    private async Task PostponeAsync(DueItem item, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var delay = Backoff.After(item.Attempts, TimeSpan.FromSeconds(30));
        try
        {
            await dueIndex.PostponeAsync(item, item.Postponed(now + delay, now), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Storage itself is failing: the row stays where it is and the next tick tries again.
            LogPostponeFailed(logger, e, item.ItemId, item.InterviewId);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Handling {Kind} {ItemId} of interview {InterviewId} failed (attempt {Attempt}); it is tried again later")]
    private static partial void LogDueItemFailed(ILogger logger, Exception exception, DueItemKind kind, string itemId, string interviewId, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not postpone {ItemId} of interview {InterviewId}; the next tick tries it again")]
    private static partial void LogPostponeFailed(ILogger logger, Exception exception, string itemId, string interviewId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Periodic work {Work} failed in this tick; the next tick tries again")]
    private static partial void LogTickWorkFailed(ILogger logger, Exception exception, string work);

    [LoggerMessage(Level = LogLevel.Information, Message = "Tick handled {Due} due items ({Failed} failed)")]
    private static partial void LogTick(ILogger logger, int due, int failed);
}
