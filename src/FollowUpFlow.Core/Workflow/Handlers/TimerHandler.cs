using System.Globalization;
using FollowUpFlow.Core.Events;
using FollowUpFlow.Core.Model;

namespace FollowUpFlow.Core.Workflow.Handlers;

/// <summary>
/// A due timer. Only the exact pending timer counts (same id, kind and due time); anything else is a stale or
/// duplicate firing and is ignored. The fired timer leaves the state with a CancelTimer, so the due index follows
/// the state by commands alone.
/// </summary>
internal static class TimerHandler
{
    public static Decision Handle(Transition transition, TimerFired fired)
    {
        var timer = transition.State.FindTimer(fired.TimerId);
        if (timer is null)
        {
            return transition.Ignore($"Timer {fired.TimerId} is no longer pending.");
        }

        if (timer.Kind != fired.Kind)
        {
            return transition.Ignore($"Timer {timer.Id} is a {timer.Kind} timer, not {fired.Kind}.");
        }

        if (timer.DueAt != fired.DueAt)
        {
            return transition.Ignore(string.Create(
                CultureInfo.InvariantCulture,
                $"Timer {timer.Id} is now due at {timer.DueAt:O}, not {fired.DueAt:O}; this firing is stale."));
        }

        // A pending timer that comes due is always consumed, even when it has nothing left to do: a timer the
        // decider ignored would stay pending and be fired again at every tick.
        transition.Cancel(timer);
        var pending = transition.State.Drafts.Where(d => d.Status == DraftStatus.Pending).ToList();
        if (timer.Kind == TimerKind.ApprovalReminder && pending.Count == 0)
        {
            return transition.Apply();
        }

        switch (timer.Kind)
        {
            case TimerKind.ReflectionPrompt:
                Notifications.ReflectionPrompt(transition);
                break;
            case TimerKind.ThankYouDrafts:
                ThankYous.Draft(transition);
                break;
            case TimerKind.ApprovalReminder:
                Notifications.ApprovalReminder(transition, pending);
                break;
            case TimerKind.ThankYouExpiry:
                ThankYous.Expire(transition);
                break;
            case TimerKind.StatusCheckIn:
                StatusCheckIns.Draft(transition);
                break;
            case TimerKind.FeedbackRequestDraft when transition.State.Phase == InterviewPhase.Rejected:
                FeedbackRequests.Draft(transition);
                break;
            case TimerKind.FeedbackNudge when transition.State.Phase == InterviewPhase.AwaitingFeedback:
                FeedbackNudges.Draft(transition);
                break;
            case TimerKind.CloseWithoutFeedback when transition.State.Phase == InterviewPhase.AwaitingFeedback:
                transition.Close(CloseReason.NoFeedback);
                break;
            default:
                // A timer the phase does not expect (only in a hand-made state): consumed, with no effect.
                break;
        }

        return transition.Apply();
    }
}
