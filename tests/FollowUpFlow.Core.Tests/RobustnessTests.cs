using FollowUpFlow.Core.Events;
using FollowUpFlow.Core.Tests.Support;
using FollowUpFlow.Core.Workflow;

namespace FollowUpFlow.Core.Tests;

/// <summary>Inputs the type system allows but nobody should send: refused, never thrown.</summary>
public sealed class RobustnessTests
{
    private sealed record UnknownEvent : WorkflowEvent;

    [Fact]
    public void A_missing_event_is_refused()
    {
        var state = WorkflowDriver.Confirmed().Current;

        InterviewDecider.Decide(state, null!, TestData.Start, TestData.Settings).AssertUnchanged(DecisionKind.Refused, state);
    }

    [Fact]
    public void Missing_settings_are_refused()
    {
        var state = WorkflowDriver.Confirmed().Current;

        InterviewDecider.Decide(state, new Cancelled(null), TestData.Start, null!).AssertUnchanged(DecisionKind.Refused, state);
    }

    [Fact]
    public void An_event_type_the_decider_does_not_know_is_refused()
    {
        var state = WorkflowDriver.Confirmed().Current;

        InterviewDecider.Decide(state, new UnknownEvent(), TestData.Start, TestData.Settings).AssertUnchanged(DecisionKind.Refused, state);
    }

    [Fact]
    public void Null_ids_in_events_are_refused_or_ignored()
    {
        var driver = PhaseBuilder.InAwaitingOutcome();
        var state = driver.Current;

        driver.Apply(new DraftApproved(null!)).AssertUnchanged(DecisionKind.Refused, state);
        driver.Apply(new DraftRejected(null!)).AssertUnchanged(DecisionKind.Refused, state);
        driver.Apply(new SendSucceeded(null!, null!, TestData.End)).AssertUnchanged(DecisionKind.Refused, state);
        driver.Apply(new TimerFired(null!, default, default)).AssertUnchanged(DecisionKind.Ignored, state);
        driver.Apply(new ReplyReceived(null!, null!, null!, default)).AssertUnchanged(DecisionKind.Refused, state);
        driver.Apply(new ConfirmationReceived(null!, null!)).AssertUnchanged(DecisionKind.Refused, state);
        Assert.Equal(DecisionKind.Refused, InterviewDecider.Decide(null, new ConfirmationReceived("iv1", null!), TestData.Start, TestData.Settings).Kind);
    }

    [Fact]
    public void An_interview_at_the_end_of_the_calendar_does_not_overflow()
    {
        var start = DateTimeOffset.MaxValue.AddHours(-2);
        var driver = WorkflowDriver.Confirmed(TestData.Details(start: start, timeZone: "UTC"));

        Assert.All(driver.Current.Timers, t => Assert.True(t.DueAt >= start));
        driver.RunUntil(DateTimeOffset.MaxValue);
        Assert.Equal(DecisionKind.Applied, driver.Apply(new OutcomeRecorded(Core.Model.Outcome.Rejected)).Kind);
    }
}
