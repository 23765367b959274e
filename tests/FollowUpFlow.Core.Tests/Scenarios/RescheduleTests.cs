using FollowUpFlow.Core.Commands;
using FollowUpFlow.Core.Events;
using FollowUpFlow.Core.Model;
using FollowUpFlow.Core.Tests.Support;
using FollowUpFlow.Core.Workflow;

namespace FollowUpFlow.Core.Tests.Scenarios;

/// <summary>A reschedule moves every timer; it is refused once a follow-up for the old date went out.</summary>
public sealed class RescheduleTests
{
    private static readonly DateTimeOffset NewStart = TestData.Local("Europe/London", 2026, 3, 17, 9);

    [Fact]
    public void Rescheduling_moves_every_timer_to_the_new_end()
    {
        var driver = WorkflowDriver.Confirmed();
        var old = driver.Current.Timers;

        var decision = driver.Apply(new Rescheduled(NewStart, NewStart.AddMinutes(45), "Europe/London"));

        var state = decision.AppliedState();
        Assert.Equal(InterviewPhase.Scheduled, state.Phase);
        Assert.Equal("Europe/London", state.Details.TimeZone);
        Assert.Equal(NewStart, state.Details.Start);
        Assert.Equal(old.Select(t => t.Id).Order(), decision.Cancelled().Select(t => t.Id).Order());
        var end = NewStart.AddMinutes(45);
        Assert.Equal(
            [(TimerKind.ReflectionPrompt, end.AddMinutes(30)), (TimerKind.ThankYouDrafts, end.AddHours(1)), (TimerKind.StatusCheckIn, end.AddDays(7))],
            decision.Scheduled().Select(t => (t.Kind, t.DueAt)));
        Assert.Equal(decision.Scheduled(), state.Timers);
        Assert.DoesNotContain(state.Timers, t => old.Any(o => o.Id == t.Id));
    }

    [Fact]
    public void Rescheduling_without_a_time_zone_keeps_the_old_one()
    {
        var driver = WorkflowDriver.Confirmed();

        var state = driver.Apply(new Rescheduled(TestData.Start.AddDays(1), TestData.End.AddDays(1), null)).AppliedState();

        Assert.Equal(TestData.Berlin, state.Details.TimeZone);
    }

    [Fact]
    public void Rescheduling_after_the_thank_yous_were_drafted_withdraws_them_and_drafts_afresh_later()
    {
        var driver = PhaseBuilder.InAwaitingOutcome();
        var oldDrafts = driver.Current.Drafts;

        var decision = driver.Apply(new Rescheduled(NewStart, NewStart.AddHours(1), null));

        var state = decision.AppliedState();
        Assert.Equal(InterviewPhase.Scheduled, state.Phase);
        Assert.All(state.Drafts, d => Assert.Equal(DraftStatus.Withdrawn, d.Status));
        Assert.Equal([TimerKind.ReflectionPrompt, TimerKind.ThankYouDrafts, TimerKind.StatusCheckIn], state.Timers.Select(t => t.Kind));
        Assert.Contains(decision.Cancelled(), t => t.Kind == TimerKind.ThankYouExpiry);
        Assert.Contains(decision.Cancelled(), t => t.Kind == TimerKind.ApprovalReminder);

        // The old drafts can no longer be approved; the new interview gets a fresh batch.
        driver.Apply(new DraftApproved(oldDrafts[0].Id)).AssertUnchanged(DecisionKind.Refused, state);
        var fresh = driver.Fire(TimerKind.ThankYouDrafts).Of<CreateDraft>().Select(c => c.Draft).ToList();
        Assert.Equal(2, fresh.Count);
        Assert.DoesNotContain(fresh, d => oldDrafts.Any(o => o.Id == d.Id));
    }

    [Fact]
    public void Rescheduling_after_a_thank_you_was_sent_is_refused()
    {
        var driver = PhaseBuilder.InAwaitingOutcome();
        driver.Approve(DraftKind.ThankYou, TestData.Ana.Email).AppliedState();
        driver.Delivered(DraftKind.ThankYou, TestData.Ana.Email).AppliedState();
        var before = driver.State;

        var decision = driver.Apply(new Rescheduled(NewStart, NewStart.AddHours(1), null));

        decision.AssertUnchanged(DecisionKind.Refused, before);
        Assert.Contains("already sent", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Rescheduling_after_a_failed_thank_you_send_is_refused_too()
    {
        var driver = PhaseBuilder.InAwaitingOutcome();
        driver.Approve(DraftKind.ThankYou, TestData.Ana.Email).AppliedState();
        driver.Apply(new SendFailed(driver.Current.Draft(DraftKind.ThankYou, TestData.Ana.Email).Id, "550")).AppliedState();

        driver.Apply(new Rescheduled(NewStart, NewStart.AddHours(1), null)).AssertUnchanged(DecisionKind.Refused, driver.State);
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("../../etc/passwd")]
    public void A_reschedule_to_an_unknown_time_zone_is_refused(string zone)
    {
        var driver = WorkflowDriver.Confirmed();

        var decision = driver.Apply(new Rescheduled(NewStart, NewStart.AddHours(1), zone));

        decision.AssertUnchanged(DecisionKind.Refused, driver.State);
        Assert.Contains(zone, decision.Reason, StringComparison.Ordinal);
    }
}
