using System.Collections.Immutable;

namespace FollowUpFlow.Core.Model;

/// <summary>Everything the decider needs to know about one interview. Immutable: each transition makes a new one.</summary>
/// <param name="NextSequence">Source of ids for drafts and timers, so the pure decider needs no random numbers.</param>
public sealed record InterviewState(
    string Id,
    InterviewDetails Details,
    InterviewPhase Phase,
    ImmutableArray<Draft> Drafts,
    ImmutableArray<PendingTimer> Timers,
    ImmutableArray<ReplySummary> Replies,
    int NextSequence,
    Outcome? Outcome = null,
    SuccessfulCandidate? SuccessfulCandidate = null,
    CloseReason? CloseReason = null,
    DateTimeOffset? OutcomeAt = null,
    DateTimeOffset? ClosedAt = null)
{
    public Draft? FindDraft(string draftId) => Drafts.FirstOrDefault(d => d.Id == draftId);

    public PendingTimer? FindTimer(string timerId) => Timers.FirstOrDefault(t => t.Id == timerId);

    public bool IsClosed => Phase == InterviewPhase.Closed;
}
