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
public sealed partial class Scheduler(DueIndex dueIndex, WorkflowEngine engine, TimeProvider time, IOptions<WorkflowOptions> options, ILogger<Scheduler> logger)
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
                // One interview's trouble must not hold up the others; its row stays and is tried next tick.
                failed++;
                LogDueItemFailed(logger, e, item.Kind, item.ItemId, item.InterviewId);
            }
        }

        if (due.Count > 0)
        {
            LogTick(logger, due.Count, failed);
        }

        return new TickResult(due.Count, due.Count - failed, failed);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Handling {Kind} {ItemId} of interview {InterviewId} failed; it is retried next tick")]
    private static partial void LogDueItemFailed(ILogger logger, Exception exception, DueItemKind kind, string itemId, string interviewId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Tick handled {Due} due items ({Failed} failed)")]
    private static partial void LogTick(ILogger logger, int due, int failed);
}
