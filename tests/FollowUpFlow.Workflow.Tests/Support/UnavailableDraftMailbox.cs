using FollowUpFlow.Mail;

namespace FollowUpFlow.Workflow.Tests.Support;

/// <summary>The Graph transport, with a mailbox whose drafts are never reachable: every copy answers "try again later".</summary>
internal sealed class UnavailableDraftMailbox(GraphMailTransport inner) : IMailTransport, IDraftMailbox
{
    private int _attempts;

    public int Attempts => Volatile.Read(ref _attempts);

    public Task SaveDraftAsync(OutgoingMessage message, CancellationToken cancellationToken) => Unavailable();

    public Task<int> DeleteDraftsAsync(string messageId, CancellationToken cancellationToken) => Unavailable().ContinueWith(_ => 0, TaskScheduler.Default);

    public Task<SendResult> SendAsync(OutgoingMessage message, CancellationToken cancellationToken) => inner.SendAsync(message, cancellationToken);

    public Task<SendCheck> CheckSentAsync(string messageId, CancellationToken cancellationToken) => inner.CheckSentAsync(messageId, cancellationToken);

    private Task Unavailable()
    {
        Interlocked.Increment(ref _attempts);
        return Task.FromException(new MailNotAcceptedException("Microsoft Graph answered 503 ServiceNotAvailable."));
    }
}
