using FollowUpFlow.Mail;

namespace FollowUpFlow.Workflow.Tests.Support;

/// <summary>
/// A provider that cannot be asked whether a message left, as SendGrid: sends go to <paramref name="inner"/> (which
/// counts them), every check answers Unknown. With <paramref name="dropAnswers"/> the first sends are delivered but
/// their answer is lost, as when a connection drops after the provider took the message.
/// </summary>
public sealed class UnaskableTransport(IMailTransport inner, int dropAnswers = 0) : IMailTransport
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _sent = new();
    private int _sends;

    /// <summary>The Message-ID of every send that reached the provider (the file outbox below would hide a repeated one).</summary>
    public IReadOnlyCollection<string> Sent => _sent;

    /// <summary>How many sends of the draft's messages reached the provider (its Message-IDs start with the draft id).</summary>
    public int SendsOf(string draftId) => _sent.Count(id => id.StartsWith($"<{draftId}.", StringComparison.Ordinal));

    public async Task<SendResult> SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        var result = await inner.SendAsync(message, cancellationToken);
        _sent.Enqueue(message.MessageId);
        if (Interlocked.Increment(ref _sends) <= dropAnswers)
        {
            throw new HttpRequestException("The connection closed before the response arrived.");
        }

        return result;
    }

    public Task<SendCheck> CheckSentAsync(string messageId, CancellationToken cancellationToken) => Task.FromResult(SendCheck.Unknown);
}
