namespace FollowUpFlow.Mail;

/// <summary>Sends outgoing messages; implementations must make a repeated send of the same message id harmless.</summary>
public interface IMailTransport
{
    /// <summary>Sends the message, or reports the earlier send when this message id already left.</summary>
    Task<SendResult> SendAsync(OutgoingMessage message, CancellationToken cancellationToken);

    /// <summary>Whether a message with this id has left, for a caller that crashed mid-send.</summary>
    Task<bool> WasSentAsync(string messageId, CancellationToken cancellationToken);
}
