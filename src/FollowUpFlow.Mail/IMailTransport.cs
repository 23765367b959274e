namespace FollowUpFlow.Mail;

/// <summary>
/// Sends outgoing messages. A send is identified by its Message-ID: sending the same id again must not send a second
/// message when the transport can tell (the file outbox and Graph can), and <see cref="CheckSentAsync"/> says whether
/// an id has left, for a caller whose earlier attempt ended without an answer.
/// </summary>
public interface IMailTransport
{
    /// <summary>
    /// Sends the message, or reports the earlier send when this message id already left. Throws
    /// <see cref="MailRefusedException"/> when the provider refuses it for good, <see cref="MailNotAcceptedException"/>
    /// when the provider answered that it did not take it (so trying again cannot send it twice); any other exception
    /// leaves open whether the message left.
    /// </summary>
    Task<SendResult> SendAsync(OutgoingMessage message, CancellationToken cancellationToken);

    /// <summary>Whether a message with this id has left; <see cref="SendCheck.Unknown"/> when the provider cannot be asked.</summary>
    Task<SendCheck> CheckSentAsync(string messageId, CancellationToken cancellationToken);
}

/// <summary>What a transport knows about an earlier send of a message id.</summary>
public enum SendCheck
{
    NotSent,
    Sent,

    /// <summary>The provider cannot be asked (SendGrid): the candidate decides whether to send again.</summary>
    Unknown,
}
