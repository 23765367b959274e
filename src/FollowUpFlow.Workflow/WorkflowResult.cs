using FollowUpFlow.Core.Model;
using FollowUpFlow.Core.Workflow;

namespace FollowUpFlow.Workflow;

/// <summary>What became of an event: applied, recorded as a no-op, or refused with a reason the caller can show.</summary>
/// <param name="State">The interview after the event and the work it set off (null when it does not exist).</param>
public sealed record WorkflowResult(DecisionKind Kind, InterviewState? State, string? Reason);
