using FollowUpFlow.Storage.Queues;
using FollowUpFlow.Workflow.Approvals;
using FollowUpFlow.Workflow.Inbound;
using FollowUpFlow.Workflow.Persistence;
using FollowUpFlow.Workflow.Scheduling;
using Microsoft.Extensions.Hosting;

namespace FollowUpFlow.Workflow.Configuration;

/// <summary>Creates the tables and the queue at start-up, before the app takes requests; existing ones are left as they are.</summary>
public sealed class StorageInitializer(InterviewStore interviews, DueIndex dueIndex, InboundStore inbound, UsedApprovalLinks usedApprovalLinks, QueueClient researchQueue) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await interviews.Table.CreateIfNotExistsAsync(cancellationToken);
        await dueIndex.Table.CreateIfNotExistsAsync(cancellationToken);
        await inbound.Table.CreateIfNotExistsAsync(cancellationToken);
        await usedApprovalLinks.Table.CreateIfNotExistsAsync(cancellationToken);
        await researchQueue.CreateIfNotExistsAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
