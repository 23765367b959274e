using FollowUpFlow.Core.Model;

namespace FollowUpFlow.Workflow.Persistence;

/// <summary>What a list of interviews shows, read from the interview rows' plain columns without their state.</summary>
/// <param name="TimeZone">The interview's own zone; null for a row written before the column existed.</param>
public sealed record InterviewSummary(string Id, string Company, string Role, DateTimeOffset Start, InterviewPhase Phase, string? TimeZone = null, CloseReason? CloseReason = null);
