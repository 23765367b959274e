using FollowUpFlow.Core.Model;

namespace FollowUpFlow.Core.Workflow;

/// <summary>
/// The single place that decides which timers a state may have. Run after every applied transition, so no handler
/// has to remember to cancel what its change made pointless.
/// </summary>
internal static class TimerNormaliser
{
    public static void Normalise(Transition transition) =>
        transition.CancelTimers(timer => !Belongs(transition.State, timer));

    public static bool Belongs(InterviewState state, PendingTimer timer) =>
        AllowedIn(state.Phase, timer.Kind) && timer.Kind switch
        {
            TimerKind.ApprovalReminder => state.Drafts.Any(d => d.Status == DraftStatus.Pending),
            TimerKind.ThankYouExpiry => state.Drafts.Any(d => d.Kind == DraftKind.ThankYou && d.Status == DraftStatus.Pending),
            _ => true,
        };

    private static bool AllowedIn(InterviewPhase phase, TimerKind kind) => phase switch
    {
        InterviewPhase.Scheduled => kind is TimerKind.ReflectionPrompt or TimerKind.ThankYouDrafts or TimerKind.StatusCheckIn,
        InterviewPhase.AwaitingOutcome => kind is TimerKind.ReflectionPrompt or TimerKind.StatusCheckIn
            or TimerKind.ApprovalReminder or TimerKind.ThankYouExpiry,
        InterviewPhase.Rejected => kind is TimerKind.FeedbackRequestDraft or TimerKind.ApprovalReminder,
        InterviewPhase.AwaitingFeedback => kind is TimerKind.FeedbackNudge or TimerKind.CloseWithoutFeedback
            or TimerKind.ApprovalReminder,
        _ => false,
    };
}
