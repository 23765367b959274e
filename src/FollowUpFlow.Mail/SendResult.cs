namespace FollowUpFlow.Mail;

/// <summary>The outcome of a send: which message, when it left, and where it went (a file path, a provider id).</summary>
/// <param name="ConversationId">The provider's thread of the sent message (Graph), by which its replies are found later.</param>
public sealed record SendResult(string MessageId, DateTimeOffset SentAt, string Location, string? ConversationId = null);
