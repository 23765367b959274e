namespace FollowUpFlow.Mail;

/// <summary>A message in the candidate's mailbox: Graph's id for it and the conversation its replies will join.</summary>
public sealed record GraphDraft(string Id, string ConversationId);
