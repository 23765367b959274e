using FollowUpFlow.Core.Model;
using FollowUpFlow.Core.Workflow.Timing;

namespace FollowUpFlow.Core.Workflow;

/// <summary>The single follow-up to an unanswered feedback request.</summary>
internal static class FeedbackNudges
{
    /// <summary>One nudge, in the feedback request's thread, unless someone already answered it.</summary>
    public static void Draft(Transition transition)
    {
        var state = transition.State;
        var request = state.Drafts.LastOrDefault(d => d.Kind == DraftKind.FeedbackRequest && d.Status == DraftStatus.Sent);
        if (request is null
            || state.Drafts.Any(d => d.Kind == DraftKind.FeedbackNudge)
            || state.Replies.Any(r => r.ReceivedAt >= (request.SentAt ?? DateTimeOffset.MinValue)))
        {
            return;
        }

        var nudge = DraftFactory.Reply(transition, DraftKind.FeedbackNudge, request);
        transition.AddDraft(nudge);
        transition.Schedule(TimerKind.ApprovalReminder, Timeline.After(transition.Now, transition.Settings.ApprovalReminderDelay, transition.Zone));
        Notifications.DraftsWaiting(transition, [nudge]);
    }
}
