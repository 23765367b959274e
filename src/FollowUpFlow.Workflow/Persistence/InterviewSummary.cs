using FollowUpFlow.Core.Model;

namespace FollowUpFlow.Workflow.Persistence;

/// <summary>What a list of interviews shows, read from the interview rows' plain columns without their state.</summary>
public sealed record InterviewSummary(string Id, string Company, string Role, DateTimeOffset Start, InterviewPhase Phase);
