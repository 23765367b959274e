namespace FollowUpFlow.Core.Model;

/// <summary>A reply the interview received. The body is stored apart (it can be large); the state keeps what the timeline shows.</summary>
public sealed record ReplySummary(string Id, string From, string Subject, DateTimeOffset ReceivedAt);
