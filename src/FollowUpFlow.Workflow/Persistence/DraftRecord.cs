using FollowUpFlow.Core.Model;

namespace FollowUpFlow.Workflow.Persistence;

/// <summary>A draft with the interview it belongs to, for listing drafts across interviews.</summary>
public sealed record DraftRecord(string InterviewId, string Company, string Role, Draft Draft);
