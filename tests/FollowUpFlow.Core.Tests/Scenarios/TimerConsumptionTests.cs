using FollowUpFlow.Core.Events;
using FollowUpFlow.Core.Model;
using FollowUpFlow.Core.Tests.Support;
using FollowUpFlow.Core.Workflow;

namespace FollowUpFlow.Core.Tests.Scenarios;

/// <summary>A pending timer that fires is always consumed, so the scheduler never fires it twice.</summary>
public sealed class TimerConsumptionTests
{
    [Fact]
    public void A_reminder_with_nothing_left_to_remind_of_is_still_consumed()
    {
        // A state saved by older rules could hold a reminder without a pending draft; it must not stay pending.
        var driver = WorkflowDriver.Confirmed();
        var reminder = new PendingTimer("t99", TimerKind.ApprovalReminder, TestData.End.AddHours(20));
        var state = driver.Current with { Phase = InterviewPhase.AwaitingOutcome, Timers = driver.Current.Timers.Add(reminder) };

        var decision = InterviewDecider.Decide(state, new TimerFired(reminder.Id, reminder.Kind, reminder.DueAt), reminder.DueAt, TestData.Settings);

        Assert.Equal(DecisionKind.Applied, decision.Kind);
        Assert.DoesNotContain(decision.State!.Timers, t => t.Id == reminder.Id);
        Assert.Empty(decision.Notifications());
    }

    [Fact]
    public void Every_timer_kind_is_gone_from_the_state_after_it_fires()
    {
        var driver = WorkflowDriver.Confirmed();
        var fired = driver.RunUntil(TestData.End.AddDays(60));

        Assert.NotEmpty(fired);
        Assert.All(fired, d => Assert.Equal(DecisionKind.Applied, d.Kind));
        Assert.DoesNotContain(driver.Current.Timers, t => t.DueAt <= driver.Now);
    }
}
