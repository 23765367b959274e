namespace FollowUpFlow.Mail;

/// <summary>The provider refused the message for good (a rejected address, a message it will never take): retrying cannot help.</summary>
public sealed class MailRefusedException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// The provider answered that it did not take the message (a 429 or 5xx after its retries): trying again later is safe,
/// because nothing left.
/// </summary>
public sealed class MailNotAcceptedException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>A message with this Message-ID already left the mailbox (the candidate may have sent the draft themselves).</summary>
public sealed class MessageAlreadySentException(string messageId)
    : InvalidOperationException($"Message {messageId} was already sent; it cannot be saved as a draft again.")
{
    public string MessageId { get; } = messageId;
}
