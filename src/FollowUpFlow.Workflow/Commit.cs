using System.Collections.Immutable;
using FollowUpFlow.Core.Workflow;
using FollowUpFlow.Workflow.Effects;
using FollowUpFlow.Workflow.Persistence;

namespace FollowUpFlow.Workflow;

/// <summary>One persisted decision: the stored record after it and the effects it added to the outbox (claimed by us).</summary>
internal sealed record Commit(DecisionKind Kind, InterviewRecord? Record, string? Reason, ImmutableArray<PendingEffect> NewEffects)
{
    public static Commit NotWritten(DecisionKind kind, InterviewRecord? record, string? reason) => new(kind, record, reason, []);
}
