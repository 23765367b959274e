using FollowUpFlow.Mail;

namespace FollowUpFlow.Workflow.Tests.Support;

/// <summary>The Graph transport, with saving a mailbox draft held at a gate: a copy on its way while the candidate acts.</summary>
internal sealed class GatedDraftMailbox(GraphMailTransport inner) : IMailTransport, IDraftMailbox
{
    public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task SaveDraftAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        Entered.TrySetResult();
        await Release.Task.WaitAsync(cancellationToken);
        await ((IDraftMailbox)inner).SaveDraftAsync(message, cancellationToken);
    }

    public Task<int> DeleteDraftsAsync(string messageId, CancellationToken cancellationToken) => inner.DeleteDraftsAsync(messageId, cancellationToken);

    public Task<SendResult> SendAsync(OutgoingMessage message, CancellationToken cancellationToken) => inner.SendAsync(message, cancellationToken);

    public Task<SendCheck> CheckSentAsync(string messageId, CancellationToken cancellationToken) => inner.CheckSentAsync(messageId, cancellationToken);
}
