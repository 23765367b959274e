using FollowUpFlow.Mail;

namespace FollowUpFlow.Workflow.Tests.Support;

/// <summary>Where a simulated process death strikes, relative to the real send.</summary>
public enum CrashPoint
{
    /// <summary>After the decision was written, before anything left: the outbox holds the effect.</summary>
    BeforeSend,

    /// <summary>After the message left, before the send was recorded.</summary>
    AfterSend,
}

/// <summary>
/// Wraps a real transport and "kills the process" once at the chosen point: it cancels the token the worker runs
/// under (<paramref name="process"/>) and throws, so the engine stops right there and nothing after that point runs,
/// as after a real crash or shutdown. Counts what really left.
/// </summary>
public sealed class CrashingTransport(IMailTransport inner, CrashPoint point, CancellationTokenSource process, int crashOnCall = 1) : IMailTransport
{
    private int _calls;
    private int _delivered;

    public int Delivered => _delivered;

    public async Task<SendResult> SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        var call = Interlocked.Increment(ref _calls);
        if (call == crashOnCall && point == CrashPoint.BeforeSend)
        {
            throw Crash();
        }

        var result = await inner.SendAsync(message, cancellationToken);
        Interlocked.Increment(ref _delivered);
        if (call == crashOnCall && point == CrashPoint.AfterSend)
        {
            throw Crash();
        }

        return result;
    }

    public Task<SendCheck> CheckSentAsync(string messageId, CancellationToken cancellationToken) => inner.CheckSentAsync(messageId, cancellationToken);

    private OperationCanceledException Crash()
    {
        process.Cancel();
        return new OperationCanceledException("Simulated process death.", process.Token);
    }
}

/// <summary>A <see cref="CrashingTransport"/> over a transport that keeps copies of drafts in the mailbox (Graph): only sends crash.</summary>
public sealed class CrashingDraftMailbox(GraphMailTransport inner, CrashPoint point, CancellationTokenSource process) : IMailTransport, IDraftMailbox
{
    private readonly CrashingTransport _sends = new(inner, point, process);

    public Task<SendResult> SendAsync(OutgoingMessage message, CancellationToken cancellationToken) => _sends.SendAsync(message, cancellationToken);

    public Task<SendCheck> CheckSentAsync(string messageId, CancellationToken cancellationToken) => _sends.CheckSentAsync(messageId, cancellationToken);

    public Task SaveDraftAsync(OutgoingMessage message, CancellationToken cancellationToken) => ((IDraftMailbox)inner).SaveDraftAsync(message, cancellationToken);

    public Task<int> DeleteDraftsAsync(string messageId, CancellationToken cancellationToken) => inner.DeleteDraftsAsync(messageId, cancellationToken);
}
