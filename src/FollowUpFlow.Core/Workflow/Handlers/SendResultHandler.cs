using FollowUpFlow.Core.Events;
using FollowUpFlow.Core.Model;
using FollowUpFlow.Core.Workflow.Timing;

namespace FollowUpFlow.Core.Workflow.Handlers;

/// <summary>
/// What the mail provider reported for a send in flight. Only a draft in Sending accepts a report, so a duplicate
/// report is ignored. A send that was in flight when the interview closed is still recorded truthfully.
/// </summary>
internal static class SendResultHandler
{
    public static Decision Succeeded(Transition transition, SendSucceeded succeeded)
    {
        if (InFlight(transition, succeeded.DraftId) is not { } draft)
        {
            return NotInFlight(transition, succeeded.DraftId);
        }

        var messageId = string.IsNullOrWhiteSpace(succeeded.MessageId) ? draft.MessageId : succeeded.MessageId;
        return Sent(transition, draft with { MessageId = messageId, ConversationId = succeeded.ConversationId ?? draft.ConversationId }, succeeded.SentAt);
    }

    /// <summary>The candidate saw an uncertain send in their sent mail. It left around its approval.</summary>
    public static Decision MarkedSent(Transition transition, DraftMarkedSent marked)
    {
        if (transition.State.FindDraft(marked.DraftId) is not { Status: DraftStatus.Uncertain } draft)
        {
            return transition.State.FindDraft(marked.DraftId) is { } other
                ? transition.Refuse($"Draft {marked.DraftId} is {other.Status}; only a send of unknown fate can be marked as sent.")
                : transition.Refuse($"There is no draft {marked.DraftId} in this interview.");
        }

        return Sent(transition, draft with { FailureReason = null }, draft.ApprovedAt ?? transition.Now);
    }

    /// <summary>
    /// A send was interrupted and the provider cannot be asked: the draft waits for the candidate, who can see their
    /// sent mail. Guessing either way would risk a second email or a lost one.
    /// </summary>
    public static Decision Uncertain(Transition transition, SendUncertain uncertain)
    {
        if (InFlight(transition, uncertain.DraftId) is not { } draft)
        {
            return NotInFlight(transition, uncertain.DraftId);
        }

        var reason = string.IsNullOrWhiteSpace(uncertain.Reason) ? "The send was interrupted." : uncertain.Reason.Trim();
        var uncertainDraft = draft with { Status = DraftStatus.Uncertain, FailureReason = reason };
        transition.ReplaceDraft(uncertainDraft);
        Notifications.SendUncertain(transition, uncertainDraft);
        return transition.Apply();
    }

    private static Decision Sent(Transition transition, Draft draft, DateTimeOffset sentAt)
    {
        transition.ReplaceDraft(draft with { Status = DraftStatus.Sent, SentAt = sentAt });
        if (draft.Kind == DraftKind.FeedbackRequest && transition.State.Phase == InterviewPhase.Rejected)
        {
            var settings = transition.Settings;
            transition.Update(s => s with { Phase = InterviewPhase.AwaitingFeedback });
            transition.Schedule(TimerKind.FeedbackNudge, Timeline.After(sentAt, settings.FeedbackNudgeDelay, transition.Zone));
            transition.Schedule(TimerKind.CloseWithoutFeedback, Timeline.After(sentAt, settings.FeedbackCloseDelay, transition.Zone));
        }

        return transition.Apply();
    }

    public static Decision Failed(Transition transition, SendFailed failed)
    {
        if (InFlight(transition, failed.DraftId) is not { } draft)
        {
            return NotInFlight(transition, failed.DraftId);
        }

        var reason = string.IsNullOrWhiteSpace(failed.Reason) ? "The mail provider gave no reason." : failed.Reason.Trim();
        var failedDraft = draft with { Status = DraftStatus.Failed, FailureReason = reason };
        transition.ReplaceDraft(failedDraft);
        Notifications.SendFailed(transition, failedDraft);
        return transition.Apply();
    }

    private static Draft? InFlight(Transition transition, string draftId) =>
        transition.State.FindDraft(draftId) is { Status: DraftStatus.Sending } draft ? draft : null;

    private static Decision NotInFlight(Transition transition, string draftId) =>
        transition.State.FindDraft(draftId) is { } draft
            ? transition.Ignore($"Draft {draftId} is not being sent (it is {draft.Status}); a repeated report changes nothing.")
            : transition.Refuse($"There is no draft {draftId} in this interview.");
}
