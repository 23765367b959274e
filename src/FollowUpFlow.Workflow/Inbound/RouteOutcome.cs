using FollowUpFlow.Inbound.Understanding;

namespace FollowUpFlow.Workflow.Inbound;

/// <summary>What routing a message did: its status, the interview it went to, what it was taken for, and why.</summary>
public sealed record RouteOutcome(string Status, string? InterviewId, EmailKind Kind, string Reason);
