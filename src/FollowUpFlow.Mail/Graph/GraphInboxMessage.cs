namespace FollowUpFlow.Mail;

/// <summary>A message in the candidate's mailbox as reply tracking reads it: who wrote it, in which conversation, and its new text.</summary>
/// <param name="Body">The text the sender added (Graph's uniqueBody), or the whole body when Graph gave no unique part.</param>
public sealed record GraphInboxMessage(
    string Id,
    string? ConversationId,
    string? InternetMessageId,
    string? FromAddress,
    string? FromName,
    string Subject,
    DateTimeOffset? ReceivedAt,
    string Body,
    bool IsDraft);

/// <summary>A change-notification subscription as Graph answered it.</summary>
public sealed record GraphSubscriptionInfo(string Id, DateTimeOffset ExpiresAt);
