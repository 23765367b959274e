namespace FollowUpFlow.Inbound.Understanding;

/// <summary>What a message means for the candidate's interviews.</summary>
public enum EmailKind
{
    Confirmation,
    Reschedule,
    Cancellation,
    Rejection,
    Offer,
    Other,
}
