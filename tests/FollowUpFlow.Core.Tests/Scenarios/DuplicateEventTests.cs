using FollowUpFlow.Core.Events;
using FollowUpFlow.Core.Model;
using FollowUpFlow.Core.Tests.Support;
using FollowUpFlow.Core.Workflow;

namespace FollowUpFlow.Core.Tests.Scenarios;

/// <summary>The shell may deliver an event twice; the second delivery changes nothing.</summary>
public sealed class DuplicateEventTests
{
    [Fact]
    public void The_same_timer_firing_twice_applies_once()
    {
        var driver = WorkflowDriver.Confirmed();
        var timer = driver.Current.Timer(TimerKind.ThankYouDrafts);
        var fired = new TimerFired(timer.Id, timer.Kind, timer.DueAt);

        var first = driver.At(timer.DueAt, fired);
        var second = driver.Apply(fired);

        Assert.Equal(2, first.AppliedState().Drafts.Length);
        second.AssertUnchanged(DecisionKind.Ignored, first.State);
    }

    [Fact]
    public void A_timer_fired_with_an_old_due_time_after_a_reschedule_is_ignored()
    {
        var driver = WorkflowDriver.Confirmed();
        var old = driver.Current.Timer(TimerKind.ThankYouDrafts);
        driver.Apply(new Rescheduled(TestData.Start.AddDays(1), TestData.End.AddDays(1), null)).AppliedState();

        var stale = driver.At(old.DueAt, new TimerFired(old.Id, old.Kind, old.DueAt));

        stale.AssertUnchanged(DecisionKind.Ignored, driver.State);
    }

    [Fact]
    public void The_same_send_success_twice_records_once()
    {
        var driver = PhaseBuilder.InAwaitingOutcome();
        var draft = driver.Current.Draft(DraftKind.ThankYou);
        var sending = driver.Apply(new DraftApproved(draft.Id)).AppliedState().FindDraft(draft.Id)!;
        var succeeded = new SendSucceeded(draft.Id, sending.MessageId!, driver.Now.AddSeconds(5));

        var first = driver.Apply(succeeded);
        var second = driver.Apply(succeeded);

        Assert.Equal(DraftStatus.Sent, first.AppliedState().FindDraft(draft.Id)!.Status);
        Assert.Equal(succeeded.SentAt, first.State!.FindDraft(draft.Id)!.SentAt);
        second.AssertUnchanged(DecisionKind.Ignored, first.State);
    }

    [Fact]
    public void A_send_failure_after_success_is_ignored()
    {
        var driver = PhaseBuilder.InAwaitingOutcome();
        driver.Approve(DraftKind.ThankYou).AppliedState();
        driver.Delivered(DraftKind.ThankYou).AppliedState();

        driver.Apply(new SendFailed(driver.Current.Draft(DraftKind.ThankYou).Id, "late bounce")).AssertUnchanged(DecisionKind.Ignored, driver.State);
    }

    [Fact]
    public void The_same_feedback_request_success_twice_schedules_the_nudge_once()
    {
        var driver = PhaseBuilder.InRejected();
        var draft = driver.Current.Draft(DraftKind.FeedbackRequest);
        driver.Apply(new DraftApproved(draft.Id)).AppliedState();
        var succeeded = new SendSucceeded(draft.Id, driver.Current.FindDraft(draft.Id)!.MessageId!, driver.Now);

        driver.Apply(succeeded).AppliedState();
        driver.Apply(succeeded).AssertUnchanged(DecisionKind.Ignored, driver.State);

        Assert.Single(driver.Current.Timers, t => t.Kind == TimerKind.FeedbackNudge);
    }

    [Fact]
    public void The_same_reply_twice_is_recorded_once()
    {
        var driver = PhaseBuilder.InAwaitingOutcome();
        var reply = new ReplyReceived("r1", "ana@acme.example", "Re: Thank you", driver.Now);

        var first = driver.Apply(reply);
        var second = driver.Apply(reply);

        Assert.Single(first.AppliedState().Replies);
        second.AssertUnchanged(DecisionKind.Ignored, first.State);
    }

    [Fact]
    public void A_second_confirmation_is_refused()
    {
        var driver = WorkflowDriver.Confirmed();

        driver.Apply(new ConfirmationReceived("iv1", TestData.Details())).AssertUnchanged(DecisionKind.Refused, driver.State);
    }
}
