using FollowUpFlow.Mail;

namespace FollowUpFlow.Workflow.Tests.Support;

/// <summary>A mailbox that is never reachable: every send fails with a "try again later" kind of error.</summary>
public sealed class FailingTransport : IMailTransport
{
    private readonly List<string> _tried = [];

    /// <summary>The Message-ID of every attempt, in order.</summary>
    public IReadOnlyList<string> Tried => _tried;

    public Task<SendResult> SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        _tried.Add(message.MessageId);
        throw new IOException("The mail server did not answer.");
    }

    public Task<SendCheck> CheckSentAsync(string messageId, CancellationToken cancellationToken) => Task.FromResult(SendCheck.NotSent);
}
