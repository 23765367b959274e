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
        transition.ReplaceDraft(draft with { Status = DraftStatus.Sent, SentAt = succeeded.SentAt, MessageId = messageId });
        if (draft.Kind == DraftKind.FeedbackRequest && transition.State.Phase == InterviewPhase.Rejected)
        {
            var settings = transition.Settings;
            transition.Update(s => s with { Phase = InterviewPhase.AwaitingFeedback });
            transition.Schedule(TimerKind.FeedbackNudge, Timeline.After(succeeded.SentAt, settings.FeedbackNudgeDelay, transition.Zone));
            transition.Schedule(TimerKind.CloseWithoutFeedback, Timeline.After(succeeded.SentAt, settings.FeedbackCloseDelay, transition.Zone));
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
