namespace FollowUpFlow.Core.Model;

public enum TimerKind
{
    /// <summary>Interview end + 30 min: ask the candidate what went well and what stumped them.</summary>
    ReflectionPrompt,

    /// <summary>Interview end + 1 h: draft one thank-you per interviewer with an address.</summary>
    ThankYouDrafts,

    /// <summary>Drafts still pending 18 h after they were created: remind the candidate.</summary>
    ApprovalReminder,

    /// <summary>Thank-you drafts still pending 48 h after creation expire: a late thank-you is worse than none.</summary>
    ThankYouExpiry,

    /// <summary>No outcome 7 days after the interview: draft a status check-in to the recruiter.</summary>
    StatusCheckIn,

    /// <summary>A rejection that arrived at night: draft the feedback request next morning.</summary>
    FeedbackRequestDraft,

    /// <summary>Feedback request sent, no reply after 7 days: draft one nudge.</summary>
    FeedbackNudge,

    /// <summary>Feedback request sent, no reply after 21 days: close without feedback.</summary>
    CloseWithoutFeedback,
}

/// <summary>A timer the interview waits on. <paramref name="Id"/> is unique within the interview ("t{sequence}").</summary>
public sealed record PendingTimer(string Id, TimerKind Kind, DateTimeOffset DueAt);
