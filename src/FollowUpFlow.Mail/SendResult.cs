namespace FollowUpFlow.Mail;

/// <summary>The outcome of a send: which message, when it left, and where it went (a file path, a provider id).</summary>
public sealed record SendResult(string MessageId, DateTimeOffset SentAt, string Location);
