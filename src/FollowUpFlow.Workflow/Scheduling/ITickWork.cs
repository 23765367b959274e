namespace FollowUpFlow.Workflow.Scheduling;

/// <summary>Periodic work that rides on the scheduler's tick (each decides for itself whether it is due).</summary>
public interface ITickWork
{
    Task RunAsync(CancellationToken cancellationToken);
}
