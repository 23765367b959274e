using FollowUpFlow.Core.Commands;
using FollowUpFlow.Core.Events;
using FollowUpFlow.Core.Model;
using FollowUpFlow.Core.Workflow;

namespace FollowUpFlow.Core.Tests.Properties;

/// <summary>
/// The workflow's safety rules, written independently of the decider's own code. Holds what a run has seen so far,
/// for the rules that span events (one thank-you per interviewer ever, nothing after close, unique notification ids).
/// </summary>
internal sealed class InvariantChecker(WorkflowSettings settings)
{
    private readonly Dictionary<string, int> approvals = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> sends = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> thankYouSentTo = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> notificationIds = new(StringComparer.Ordinal);
    private bool closed;

    public void Check(InterviewState? before, WorkflowEvent evt, Decision decision)
    {
        Assert.NotNull(decision);
        if (decision.Kind != DecisionKind.Applied)
        {
            Assert.Same(before, decision.State);
            Assert.Empty(decision.Commands);
            Assert.False(string.IsNullOrWhiteSpace(decision.Reason), $"{decision.Kind} without a reason for {evt}");
            return;
        }

        var after = decision.State;
        Assert.NotNull(after);
        Assert.True(before is not null || evt is ConfirmationReceived, $"Applied {evt} without an interview");

        NothingIsSentWithoutApproval(before, evt, decision, after);
        OneThankYouPerInterviewer(after);
        NothingAfterClose(before, decision, after);
        TimersBelongToTheState(after);
        TimerCommandsMatchTheState(before, decision, after);
        DraftsEvolveLegally(before, decision, after);
        IdsAreUnique(before, decision, after);
    }

    private void NothingIsSentWithoutApproval(InterviewState? before, WorkflowEvent evt, Decision decision, InterviewState after)
    {
        var send = decision.Commands.OfType<SendDraft>().ToList();
        Assert.True(send.Count <= 1, "More than one SendDraft in one decision");
        if (evt is DraftApproved approved)
        {
            approvals[approved.DraftId] = approvals.GetValueOrDefault(approved.DraftId) + 1;
        }

        foreach (var command in send)
        {
            Assert.True(evt is DraftApproved a && a.DraftId == command.DraftId, $"SendDraft {command.DraftId} without its approval ({evt})");
            var was = before!.FindDraft(command.DraftId);
            Assert.True(was is { Status: DraftStatus.Pending or DraftStatus.Failed or DraftStatus.Uncertain }, $"Sent a draft that was {was?.Status}");
            var now = after.FindDraft(command.DraftId)!;
            Assert.Equal(DraftStatus.Sending, now.Status);
            Assert.Equal(now.MessageId, command.MessageId);
            Assert.Equal($"<{now.Id}.{now.SendAttempts}@{settings.MessageIdDomain}>", command.MessageId);
            sends[command.DraftId] = sends.GetValueOrDefault(command.DraftId) + 1;
            Assert.True(sends[command.DraftId] <= approvals[command.DraftId], "More sends than approvals");
        }

        Assert.DoesNotContain(after.Drafts, d => string.Equals(d.To.Email?.Trim(), settings.Candidate.Email, StringComparison.OrdinalIgnoreCase));
    }

    private void OneThankYouPerInterviewer(InterviewState after)
    {
        foreach (var draft in after.Drafts.Where(d => d.Kind == DraftKind.ThankYou && (d.Status is DraftStatus.Sending or DraftStatus.Sent || d.SendAttempts > 0)))
        {
            var email = draft.To.Email!.Trim();
            if (thankYouSentTo.TryGetValue(email, out var earlier))
            {
                Assert.True(earlier == draft.Id, $"A second thank-you to {email}: {earlier} and {draft.Id}");
            }
            else
            {
                thankYouSentTo[email] = draft.Id;
            }
        }
    }

    private void NothingAfterClose(InterviewState? before, Decision decision, InterviewState after)
    {
        if (closed || before?.Phase == InterviewPhase.Closed)
        {
            Assert.Empty(decision.Commands.OfType<SendDraft>());
            Assert.Empty(decision.Commands.OfType<CreateDraft>());
            Assert.Equal(InterviewPhase.Closed, after.Phase);
        }

        var closes = decision.Commands.OfType<Close>().ToList();
        if (after.Phase == InterviewPhase.Closed)
        {
            Assert.Empty(decision.Commands.OfType<SendDraft>());
            Assert.Empty(after.Timers);
            Assert.DoesNotContain(after.Drafts, d => d.Status == DraftStatus.Pending);
            Assert.NotNull(after.CloseReason);
            Assert.Equal(before?.Phase == InterviewPhase.Closed ? 0 : 1, closes.Count);
            if (closes.Count == 1)
            {
                Assert.Equal(after.CloseReason, closes[0].Reason);
            }

            closed = true;
        }
        else
        {
            Assert.Empty(closes);
        }
    }

    private static void TimersBelongToTheState(InterviewState state)
    {
        var pendingDraft = state.Drafts.Any(d => d.Status == DraftStatus.Pending);
        var pendingThankYou = state.Drafts.Any(d => d.Kind == DraftKind.ThankYou && d.Status == DraftStatus.Pending);
        TimerKind[] allowed = state.Phase switch
        {
            InterviewPhase.Scheduled => [TimerKind.ReflectionPrompt, TimerKind.ThankYouDrafts, TimerKind.StatusCheckIn],
            InterviewPhase.AwaitingOutcome => [TimerKind.ReflectionPrompt, TimerKind.StatusCheckIn, TimerKind.ApprovalReminder, TimerKind.ThankYouExpiry],
            InterviewPhase.Rejected => [TimerKind.FeedbackRequestDraft, TimerKind.ApprovalReminder],
            InterviewPhase.AwaitingFeedback => [TimerKind.FeedbackNudge, TimerKind.CloseWithoutFeedback, TimerKind.ApprovalReminder],
            _ => [],
        };
        foreach (var timer in state.Timers)
        {
            Assert.True(allowed.Contains(timer.Kind), $"{timer.Kind} timer in phase {state.Phase}");
            Assert.False(timer.Kind == TimerKind.ApprovalReminder && !pendingDraft, "Approval reminder with no pending draft");
            Assert.False(timer.Kind == TimerKind.ThankYouExpiry && !pendingThankYou, "Thank-you expiry with no pending thank-you");
        }
    }

    private static void TimerCommandsMatchTheState(InterviewState? before, Decision decision, InterviewState after)
    {
        var previous = before?.Timers ?? [];
        var scheduled = decision.Commands.OfType<ScheduleTimer>().Select(c => c.Timer).ToList();
        var cancelled = decision.Commands.OfType<CancelTimer>().Select(c => c.Timer).ToList();

        Assert.All(cancelled, t => Assert.Contains(t, previous));
        Assert.All(scheduled, t => Assert.DoesNotContain(previous, p => p.Id == t.Id));
        Assert.Equal(scheduled.Count, scheduled.Select(t => t.Id).Distinct().Count());
        Assert.Equal(cancelled.Count, cancelled.Select(t => t.Id).Distinct().Count());
        var expected = previous.Except(cancelled).Concat(scheduled).OrderBy(t => t.Id, StringComparer.Ordinal).ToList();
        Assert.Equal(expected, after.Timers.OrderBy(t => t.Id, StringComparer.Ordinal).ToList());
    }

    private static void DraftsEvolveLegally(InterviewState? before, Decision decision, InterviewState after)
    {
        foreach (var old in before?.Drafts ?? [])
        {
            var now = after.FindDraft(old.Id);
            Assert.True(now is not null, $"Draft {old.Id} disappeared");
            Assert.True(Legal(old.Status, now.Status), $"Draft {old.Id} went from {old.Status} to {now.Status}");
            Assert.Equal(old.Kind, now.Kind);
            Assert.Equal(old.To, now.To);
            Assert.True(now.SendAttempts >= old.SendAttempts);
        }

        foreach (var created in decision.Commands.OfType<CreateDraft>().Select(c => c.Draft))
        {
            Assert.Null(before?.FindDraft(created.Id));
            Assert.Equal(created, after.FindDraft(created.Id));
            Assert.Equal(DraftStatus.Pending, created.Status);
        }

        Assert.Equal(
            (before?.Drafts.Length ?? 0) + decision.Commands.OfType<CreateDraft>().Count(),
            after.Drafts.Length);
    }

    private static bool Legal(DraftStatus from, DraftStatus to) => from == to || (from, to) switch
    {
        (DraftStatus.Pending, DraftStatus.Sending or DraftStatus.Rejected or DraftStatus.Expired or DraftStatus.Withdrawn) => true,
        (DraftStatus.Sending, DraftStatus.Sent or DraftStatus.Failed or DraftStatus.Uncertain) => true,
        (DraftStatus.Failed, DraftStatus.Sending or DraftStatus.Rejected or DraftStatus.Withdrawn) => true,

        // Only the candidate settles an uncertain send: sent (they saw it), again (approve), or left (skip).
        (DraftStatus.Uncertain, DraftStatus.Sent or DraftStatus.Sending or DraftStatus.Rejected or DraftStatus.Withdrawn) => true,
        _ => false,
    };

    private void IdsAreUnique(InterviewState? before, Decision decision, InterviewState after)
    {
        Assert.Equal(after.Timers.Length, after.Timers.Select(t => t.Id).Distinct().Count());
        Assert.Equal(after.Drafts.Length, after.Drafts.Select(d => d.Id).Distinct().Count());
        Assert.Equal(after.Replies.Length, after.Replies.Select(r => r.Id).Distinct().Count());
        Assert.True(after.NextSequence >= (before?.NextSequence ?? 1));
        Assert.All(after.Drafts, d => Assert.StartsWith(after.Id + "-d", d.Id, StringComparison.Ordinal));
        foreach (var notification in decision.Commands.OfType<NotifyCandidate>().Select(c => c.Notification))
        {
            Assert.True(notificationIds.Add(notification.Id), $"Notification id {notification.Id} reused");
            Assert.All(notification.DraftIds, id => Assert.NotNull(after.FindDraft(id)));
        }
    }
}
