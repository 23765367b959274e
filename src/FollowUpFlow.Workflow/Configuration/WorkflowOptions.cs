using System.ComponentModel.DataAnnotations;

namespace FollowUpFlow.Workflow.Configuration;

/// <summary>How the shell runs the workflow: outbox claims, the scheduler's tick, storage names.</summary>
public sealed class WorkflowOptions
{
    public const string Section = "FollowUpFlow:Workflow";

    /// <summary>How long a worker owns an effect it is running; after that a tick may run it again (crash recovery).</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan EffectLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// A due row younger than this whose item is not in the state may belong to a write still in flight: leave it.
    /// Longer than the slowest write can take with its retries (storage requests time out after a minute, and are
    /// tried up to five times), so a row is never collected under a write that is about to land.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan CommitGrace { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Standalone only: run the scheduler in-process (under the Functions host the timer trigger ticks).</summary>
    public bool SchedulerEnabled { get; set; } = true;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan TickInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Due rows one tick takes at most (one page of the due index).</summary>
    [Range(1, 1000)]
    public int TickBatchSize { get; set; } = 100;

    /// <summary>Table names are this prefix + "Interviews" / "Due"; letters and digits only.</summary>
    [Required]
    [RegularExpression("^[A-Za-z][A-Za-z0-9]{0,40}$")]
    public string TablePrefix { get; set; } = "FollowUpFlow";

    [Required]
    [RegularExpression("^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$")]
    public string ResearchQueueName { get; set; } = "research-tasks";
}
