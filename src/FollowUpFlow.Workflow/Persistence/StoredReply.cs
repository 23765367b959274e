namespace FollowUpFlow.Workflow.Persistence;

/// <summary>A reply as stored: the full body lives here, the interview's state keeps only its summary.</summary>
public sealed record StoredReply(string Id, string InterviewId, string From, string Subject, string Body, DateTimeOffset ReceivedAt);
