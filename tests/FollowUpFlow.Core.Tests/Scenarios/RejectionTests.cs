using FollowUpFlow.Core.Commands;
using FollowUpFlow.Core.Events;
using FollowUpFlow.Core.Model;
using FollowUpFlow.Core.Tests.Support;
using FollowUpFlow.Core.Workflow;

namespace FollowUpFlow.Core.Tests.Scenarios;

/// <summary>A rejection: research, the feedback request (next morning if it came at night), or a close.</summary>
public sealed class RejectionTests
{
    [Fact]
    public void A_rejection_at_23_00_local_is_drafted_at_09_00_next_morning()
    {
        var driver = PhaseBuilder.InAwaitingOutcome();

        var rejection = driver.At(TestData.Local(TestData.Berlin, 2026, 3, 11, 23), new OutcomeRecorded(Outcome.Rejected));

        var state = rejection.AppliedState();
        Assert.Empty(rejection.Of<CreateDraft>());
        Assert.Single(rejection.Of<QueueResearch>());
        var timer = state.Timer(TimerKind.FeedbackRequestDraft);
        Assert.Equal(new DateTime(2026, 3, 12, 9, 0, 0), TestData.WallClock(timer.DueAt, TestData.Berlin));
        Assert.Equal([TimerKind.FeedbackRequestDraft], state.Timers.Select(t => t.Kind));

        var morning = driver.Fire(TimerKind.FeedbackRequestDraft);

        var request = Assert.Single(morning.Of<CreateDraft>()).Draft;
        Assert.Equal(DraftKind.FeedbackRequest, request.Kind);
        Assert.Equal(timer.DueAt, request.CreatedAt);
        Assert.True(morning.AppliedState().HasTimer(TimerKind.ApprovalReminder));
        Assert.Equal(NotificationKind.DraftsWaiting, Assert.Single(morning.Notifications()).Kind);
    }

    [Theory]
    [InlineData(21, 0, 12)] // night starts: next morning
    [InlineData(2, 30, 11)] // small hours: the same morning
    [InlineData(6, 59, 11)]
    public void Night_rejections_wait_for_the_morning(int hour, int minute, int expectedDay)
    {
        var driver = PhaseBuilder.InAwaitingOutcome();
        var state = driver.At(TestData.Local(TestData.Berlin, 2026, 3, 11, hour, minute), new OutcomeRecorded(Outcome.Rejected)).AppliedState();

        Assert.Equal(new DateTime(2026, 3, expectedDay, 9, 0, 0), TestData.WallClock(state.Timer(TimerKind.FeedbackRequestDraft).DueAt, TestData.Berlin));
    }

    [Theory]
    [InlineData(7, 0)]
    [InlineData(12, 0)]
    [InlineData(20, 59)]
    public void Day_rejections_are_drafted_at_once(int hour, int minute)
    {
        var driver = PhaseBuilder.InAwaitingOutcome();

        var rejection = driver.At(TestData.Local(TestData.Berlin, 2026, 3, 11, hour, minute), new OutcomeRecorded(Outcome.Rejected));

        Assert.Equal(DraftKind.FeedbackRequest, Assert.Single(rejection.Of<CreateDraft>()).Draft.Kind);
        Assert.False(rejection.AppliedState().HasTimer(TimerKind.FeedbackRequestDraft));
    }

    [Fact]
    public void Night_is_judged_on_the_candidate_clock_not_the_interview_time_zone()
    {
        // 23:00 in Berlin (the candidate) is 17:00 in New York (the interview): night for the candidate.
        var details = TestData.Details(start: TestData.Local("America/New_York", 2026, 3, 10, 10), timeZone: "America/New_York");
        var driver = WorkflowDriver.Confirmed(details);

        var rejection = driver.At(TestData.Local(TestData.Berlin, 2026, 3, 11, 23), new OutcomeRecorded(Outcome.Rejected));

        Assert.Empty(rejection.Of<CreateDraft>());
        var deferred = rejection.AppliedState().Timer(TimerKind.FeedbackRequestDraft);
        Assert.Equal(new DateTime(2026, 3, 12, 9, 0, 0), TestData.WallClock(deferred.DueAt, TestData.Berlin));
    }

    [Fact]
    public void The_feedback_request_goes_to_the_first_interviewer_with_an_address_when_there_is_no_recruiter()
    {
        var details = TestData.Details(interviewers: [new Person("Lee Chan", null), TestData.Ben, TestData.Ana], noRecruiter: true);
        var driver = WorkflowDriver.Confirmed(details);

        var rejection = driver.At(TestData.Local(TestData.Berlin, 2026, 3, 11, 10), new OutcomeRecorded(Outcome.Rejected));

        Assert.Equal(TestData.Ben, Assert.Single(rejection.Of<CreateDraft>()).Draft.To);
    }

    [Fact]
    public void With_nobody_to_ask_the_interview_closes_after_queueing_research()
    {
        var details = TestData.Details(interviewers: [new Person("Lee Chan", null), new Person("Sam", TestData.Candidate.Email)], noRecruiter: true);
        var driver = WorkflowDriver.Confirmed(details);

        var rejection = driver.At(TestData.Local(TestData.Berlin, 2026, 3, 11, 23), new OutcomeRecorded(Outcome.Rejected));

        var state = rejection.AppliedState();
        Assert.Equal(CloseReason.NoFeedbackContact, state.CloseReason);
        Assert.Empty(state.Timers);
        Assert.Equal(
            [typeof(QueueResearch), typeof(NotifyCandidate), typeof(Close)],
            rejection.Commands.Where(c => c is not CancelTimer).Select(c => c.GetType()));
    }

    [Fact]
    public void A_rejection_withdraws_pending_thank_yous_and_cancels_their_timers()
    {
        var driver = PhaseBuilder.InAwaitingOutcome();

        var rejection = driver.At(TestData.Local(TestData.Berlin, 2026, 3, 11, 10), new OutcomeRecorded(Outcome.Rejected));

        var state = rejection.AppliedState();
        Assert.All(state.Drafts.Where(d => d.Kind == DraftKind.ThankYou), d => Assert.Equal(DraftStatus.Withdrawn, d.Status));
        Assert.Equal(
            [TimerKind.ApprovalReminder, TimerKind.ThankYouExpiry, TimerKind.StatusCheckIn],
            rejection.Cancelled().Select(t => t.Kind).Order());
        var reminder = Assert.Single(state.Timers);
        Assert.Equal(TimerKind.ApprovalReminder, reminder.Kind);
        Assert.Equal(driver.Now.AddHours(18), reminder.DueAt);
        Assert.Equal(Outcome.Rejected, state.Outcome);
        Assert.Equal(driver.Now, state.OutcomeAt);
    }

    [Fact]
    public void Skipping_the_feedback_request_closes_the_interview()
    {
        var driver = PhaseBuilder.InRejected();

        var skip = driver.Apply(new DraftRejected(driver.Current.Draft(DraftKind.FeedbackRequest).Id));

        var state = skip.AppliedState();
        Assert.Equal(CloseReason.FeedbackRequestDeclined, state.CloseReason);
        Assert.Equal(DraftStatus.Rejected, state.Draft(DraftKind.FeedbackRequest).Status);
        Assert.Empty(state.Timers);
    }

    [Fact]
    public void A_second_outcome_is_refused()
    {
        var driver = PhaseBuilder.InRejected();
        var before = driver.State;

        var offer = driver.Apply(new OutcomeRecorded(Outcome.Offer));

        offer.AssertUnchanged(DecisionKind.Refused, before);
        Assert.Contains("already recorded", offer.Reason, StringComparison.Ordinal);
    }
}
