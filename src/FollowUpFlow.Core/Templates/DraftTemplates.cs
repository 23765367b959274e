using FollowUpFlow.Core.Model;

namespace FollowUpFlow.Core.Templates;

/// <summary>
/// The wording of every draft and every note to the candidate. Each property defaults to the built-in text, so a
/// configuration can override one template and keep the rest.
/// </summary>
public sealed record DraftTemplates
{
    public static DraftTemplates Default { get; } = new();

    public MessageTemplate ThankYou { get; init; } = DefaultTemplates.ThankYou;
    public MessageTemplate StatusCheckIn { get; init; } = DefaultTemplates.StatusCheckIn;
    public MessageTemplate FeedbackRequest { get; init; } = DefaultTemplates.FeedbackRequest;
    public MessageTemplate FeedbackNudge { get; init; } = DefaultTemplates.FeedbackNudge;

    public MessageTemplate ReflectionPrompt { get; init; } = DefaultTemplates.ReflectionPrompt;
    public MessageTemplate DraftsWaiting { get; init; } = DefaultTemplates.DraftsWaiting;
    public MessageTemplate ApprovalReminder { get; init; } = DefaultTemplates.ApprovalReminder;
    public MessageTemplate SendFailed { get; init; } = DefaultTemplates.SendFailed;
    public MessageTemplate SendUncertain { get; init; } = DefaultTemplates.SendUncertain;

    /// <summary>A send that was in flight when the interview closed failed: it will not be retried.</summary>
    public MessageTemplate SendFailedAfterClose { get; init; } = DefaultTemplates.SendFailedAfterClose;
    public MessageTemplate NoThankYouRecipients { get; init; } = DefaultTemplates.NoThankYouRecipients;
    public MessageTemplate NoStatusCheckInRecipient { get; init; } = DefaultTemplates.NoStatusCheckInRecipient;
    public MessageTemplate NoFeedbackContact { get; init; } = DefaultTemplates.NoFeedbackContact;

    public MessageTemplate For(DraftKind kind) => kind switch
    {
        DraftKind.StatusCheckIn => StatusCheckIn,
        DraftKind.FeedbackRequest => FeedbackRequest,
        DraftKind.FeedbackNudge => FeedbackNudge,
        _ => ThankYou,
    };
}
