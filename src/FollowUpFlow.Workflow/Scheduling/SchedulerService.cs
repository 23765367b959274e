using FollowUpFlow.Workflow.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FollowUpFlow.Workflow.Scheduling;

/// <summary>Standalone mode's clock: ticks the scheduler at the configured interval. Under the Functions host the timer trigger does this instead.</summary>
public sealed partial class SchedulerService(Scheduler scheduler, TimeProvider time, IOptions<WorkflowOptions> options, ILogger<SchedulerService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.TickInterval, time);
        do
        {
            try
            {
                await scheduler.TickAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // Storage may be briefly unreachable; the next tick tries again.
                LogTickFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A scheduler tick failed; trying again at the next interval")]
    private static partial void LogTickFailed(ILogger logger, Exception exception);
}
