namespace FollowUpFlow.Core.Model;

public enum DraftKind
{
    ThankYou,
    StatusCheckIn,
    FeedbackRequest,
    FeedbackNudge,
}

public enum DraftStatus
{
    /// <summary>Waiting for the candidate to approve, edit or reject it.</summary>
    Pending,

    /// <summary>Approved; the send is in flight.</summary>
    Sending,
    Sent,
    Rejected,
    Expired,

    /// <summary>No longer wanted because the workflow moved on (a reply, an outcome, a reschedule, a close).</summary>
    Withdrawn,

    /// <summary>The provider refused it permanently; the candidate may approve it again.</summary>
    Failed,

    /// <summary>
    /// The send was interrupted and the provider cannot be asked whether it left (SendGrid): the candidate decides,
    /// from their own sent mail, whether it was sent or should be sent again. Never resent on its own.
    /// </summary>
    Uncertain,
}

/// <summary>An email FollowUpFlow wrote for the candidate. Nothing leaves without the candidate's approval.</summary>
/// <param name="Id">Globally unique: "{interviewId}-d{sequence}".</param>
/// <param name="MessageId">The RFC 5322 Message-ID the send uses, fixed at approval so a retried send is recognisable.</param>
/// <param name="InReplyTo">Message-ID this draft answers (a nudge answers the feedback request).</param>
public sealed record Draft(
    string Id,
    DraftKind Kind,
    Person To,
    string Subject,
    string Body,
    DraftStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt = null,
    string? InReplyTo = null,
    string? MessageId = null,
    DateTimeOffset? ApprovedAt = null,
    DateTimeOffset? SentAt = null,
    bool Edited = false,
    int SendAttempts = 0,
    string? FailureReason = null,
    string? ConversationId = null);
