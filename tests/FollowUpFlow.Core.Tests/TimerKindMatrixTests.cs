using FollowUpFlow.Core.Events;
using FollowUpFlow.Core.Model;
using FollowUpFlow.Core.Tests.Support;
using FollowUpFlow.Core.Workflow;

namespace FollowUpFlow.Core.Tests;

/// <summary>Every phase against a firing of every timer kind: a pending timer applies, any other is ignored.</summary>
public sealed class TimerKindMatrixTests
{
    public static TheoryData<string, TimerKind> Cases()
    {
        var data = new TheoryData<string, TimerKind>();
        foreach (var phase in PhaseBuilder.All.Where(p => p != PhaseBuilder.None))
        {
            foreach (var kind in Enum.GetValues<TimerKind>())
            {
                data.Add(phase, kind);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_pending_timer_applies_and_any_other_is_ignored(string phase, TimerKind kind)
    {
        var driver = PhaseBuilder.Build(phase);
        var state = driver.Current;
        var pending = state.Timers.FirstOrDefault(t => t.Kind == kind);
        var timer = pending ?? new PendingTimer("t-not-pending", kind, driver.Now);

        var decision = InterviewDecider.Decide(state, new TimerFired(timer.Id, timer.Kind, timer.DueAt), timer.DueAt, driver.Settings);

        if (pending is null)
        {
            decision.AssertUnchanged(DecisionKind.Ignored, state);
        }
        else
        {
            var after = decision.AppliedState();
            Assert.Null(after.FindTimer(pending.Id));
            Assert.Contains(decision.Cancelled(), t => t.Id == pending.Id);
        }
    }

    [Theory]
    [InlineData(PhaseBuilder.Scheduled, TimerKind.ReflectionPrompt, true)]
    [InlineData(PhaseBuilder.Scheduled, TimerKind.ThankYouDrafts, true)]
    [InlineData(PhaseBuilder.Scheduled, TimerKind.StatusCheckIn, true)]
    [InlineData(PhaseBuilder.AwaitingOutcome, TimerKind.ApprovalReminder, true)]
    [InlineData(PhaseBuilder.AwaitingOutcome, TimerKind.ThankYouExpiry, true)]
    [InlineData(PhaseBuilder.AwaitingOutcome, TimerKind.StatusCheckIn, true)]
    [InlineData(PhaseBuilder.AwaitingOutcome, TimerKind.ThankYouDrafts, false)]
    [InlineData(PhaseBuilder.Rejected, TimerKind.ApprovalReminder, true)]
    [InlineData(PhaseBuilder.Rejected, TimerKind.StatusCheckIn, false)]
    [InlineData(PhaseBuilder.RejectedAtNight, TimerKind.FeedbackRequestDraft, true)]
    [InlineData(PhaseBuilder.RejectedAtNight, TimerKind.ApprovalReminder, false)]
    [InlineData(PhaseBuilder.AwaitingFeedback, TimerKind.FeedbackNudge, true)]
    [InlineData(PhaseBuilder.AwaitingFeedback, TimerKind.CloseWithoutFeedback, true)]
    [InlineData(PhaseBuilder.AwaitingFeedback, TimerKind.ApprovalReminder, false)]
    [InlineData(PhaseBuilder.Closed, TimerKind.ApprovalReminder, false)]
    public void Representative_states_hold_the_timers_their_phase_expects(string phase, TimerKind kind, bool expected) =>
        Assert.Equal(expected, PhaseBuilder.Build(phase).Current.HasTimer(kind));
}
