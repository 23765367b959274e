namespace FollowUpFlow.Core.Model;

/// <summary>Where an interview is in its follow-up workflow.</summary>
public enum InterviewPhase
{
    /// <summary>Confirmed; the thank-you drafts are not yet due.</summary>
    Scheduled,

    /// <summary>The interview took place and thank-you drafts exist (or were due); waiting for the company's decision.</summary>
    AwaitingOutcome,

    /// <summary>Rejected: the feedback request is drafted (or will be drafted next morning) and waits for approval.</summary>
    Rejected,

    /// <summary>The feedback request was sent; waiting for a reply, with one nudge and a final close.</summary>
    AwaitingFeedback,

    /// <summary>Nothing more will happen; see <see cref="CloseReason"/>.</summary>
    Closed,
}
