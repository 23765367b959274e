using FollowUpFlow.Core.Model;
using FollowUpFlow.Core.Workflow.Timing;

namespace FollowUpFlow.Core.Workflow;

/// <summary>The feedback request after a rejection: drafted now, or next morning when the rejection came at night.</summary>
internal static class FeedbackRequests
{
    public static void Plan(Transition transition)
    {
        var settings = transition.Settings;
        if (Recipients.FeedbackContact(transition.State.Details, settings.Candidate) is not null
            && Timeline.IsNight(transition.Now, transition.Zone, settings.NightStartHour, settings.NightEndHour))
        {
            transition.Schedule(TimerKind.FeedbackRequestDraft, Timeline.NextMorning(transition.Now, transition.Zone, settings.MorningHour));
            return;
        }

        Draft(transition);
    }

    /// <summary>Drafts the request to the recruiter (else the first interviewer); with nobody to ask, the interview closes.</summary>
    public static void Draft(Transition transition)
    {
        var settings = transition.Settings;
        var contact = Recipients.FeedbackContact(transition.State.Details, settings.Candidate);
        if (contact is null)
        {
            Notifications.Information(transition, settings.Templates.NoFeedbackContact);
            transition.Close(CloseReason.NoFeedbackContact);
            return;
        }

        var draft = DraftFactory.Create(transition, DraftKind.FeedbackRequest, contact);
        transition.AddDraft(draft);
        transition.Schedule(TimerKind.ApprovalReminder, Timeline.After(transition.Now, settings.ApprovalReminderDelay, transition.Zone));
        Notifications.DraftsWaiting(transition, [draft]);
    }
}
