using FollowUpFlow.Core.Model;
using FollowUpFlow.Core.Workflow.Timing;

namespace FollowUpFlow.Core.Workflow;

/// <summary>One thank-you per interviewer, drafted after the interview and expired if nobody approves it in time.</summary>
internal static class ThankYous
{
    public static void Draft(Transition transition)
    {
        if (transition.State.Phase != InterviewPhase.Scheduled)
        {
            return;
        }

        var settings = transition.Settings;
        transition.Update(s => s with { Phase = InterviewPhase.AwaitingOutcome });
        var recipients = Recipients.ThankYou(transition.State.Details, settings.Candidate);
        if (recipients.IsEmpty)
        {
            Notifications.Information(transition, settings.Templates.NoThankYouRecipients);
            return;
        }

        var expiresAt = Timeline.After(transition.Now, settings.ThankYouExpiry, transition.Zone);
        var drafts = new List<Draft>();
        foreach (var recipient in recipients)
        {
            var draft = DraftFactory.Create(transition, DraftKind.ThankYou, recipient, expiresAt);
            transition.AddDraft(draft);
            drafts.Add(draft);
        }

        transition.Schedule(TimerKind.ThankYouExpiry, expiresAt);
        transition.Schedule(TimerKind.ApprovalReminder, Timeline.After(transition.Now, settings.ApprovalReminderDelay, transition.Zone));
        Notifications.DraftsWaiting(transition, drafts);
    }

    public static void Expire(Transition transition)
    {
        foreach (var draft in transition.State.Drafts.Where(d => d.Kind == DraftKind.ThankYou && d.Status == DraftStatus.Pending).ToList())
        {
            transition.ReplaceDraft(draft with { Status = DraftStatus.Expired });
        }
    }
}
