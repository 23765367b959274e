using FollowUpFlow.Core.Model;
using FollowUpFlow.Core.Workflow.Timing;

namespace FollowUpFlow.Core.Workflow;

/// <summary>No outcome a while after the interview: a short check-in to the recruiter.</summary>
internal static class StatusCheckIns
{
    public static void Draft(Transition transition)
    {
        var state = transition.State;
        if (state.Outcome is not null || state.Phase is not (InterviewPhase.Scheduled or InterviewPhase.AwaitingOutcome))
        {
            return;
        }

        var settings = transition.Settings;
        if (Recipients.Recruiter(state.Details, settings.Candidate) is not { } recruiter)
        {
            Notifications.Information(transition, settings.Templates.NoStatusCheckInRecipient);
            return;
        }

        var draft = DraftFactory.Create(transition, DraftKind.StatusCheckIn, recruiter);
        transition.AddDraft(draft);
        transition.Schedule(TimerKind.ApprovalReminder, Timeline.After(transition.Now, settings.ApprovalReminderDelay, transition.Zone));
        Notifications.DraftsWaiting(transition, [draft]);
    }
}
