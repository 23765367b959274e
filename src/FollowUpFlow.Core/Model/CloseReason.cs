namespace FollowUpFlow.Core.Model;

public enum CloseReason
{
    Cancelled,
    Offer,
    Withdrawn,
    NoResponse,
    FeedbackReceived,
    NoFeedback,
    FeedbackRequestDeclined,
    NoFeedbackContact,
}
