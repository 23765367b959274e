using FollowUpFlow.Mail;

namespace FollowUpFlow.Workflow.Tests.Support;

/// <summary>A provider that can be asked (as the file outbox and Graph): the first send is delivered but its answer is lost.</summary>
public sealed class AnswerLosingTransport(IMailTransport inner) : IMailTransport
{
    private int _sends;

    public async Task<SendResult> SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        var result = await inner.SendAsync(message, cancellationToken);
        return Interlocked.Increment(ref _sends) == 1 ? throw new TimeoutException("No answer within the timeout.") : result;
    }

    public Task<SendCheck> CheckSentAsync(string messageId, CancellationToken cancellationToken) => inner.CheckSentAsync(messageId, cancellationToken);
}
