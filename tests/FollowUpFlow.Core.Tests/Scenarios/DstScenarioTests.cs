using FollowUpFlow.Core.Events;
using FollowUpFlow.Core.Model;
using FollowUpFlow.Core.Tests.Support;

namespace FollowUpFlow.Core.Tests.Scenarios;

/// <summary>The 7-day steps of the timeline across daylight-saving changes, through the decider.</summary>
public sealed class DstScenarioTests
{
    [Fact]
    public void The_status_check_in_keeps_the_interview_wall_clock_time_across_spring_forward()
    {
        // Tuesday 24 March 2026 14:00–15:00 CET; a week later Berlin is on CEST.
        var start = TestData.Local(TestData.Berlin, 2026, 3, 24, 14);
        var driver = WorkflowDriver.Confirmed(TestData.Details(start: start));

        var checkIn = driver.Current.Timer(TimerKind.StatusCheckIn).DueAt;

        Assert.Equal(new DateTime(2026, 3, 31, 15, 0, 0), TestData.WallClock(checkIn, TestData.Berlin));
        Assert.Equal(TimeSpan.FromDays(7) - TimeSpan.FromHours(1), checkIn - (start + TimeSpan.FromHours(1)));
    }

    [Fact]
    public void The_nudge_and_the_final_close_keep_the_candidate_wall_clock_time_across_fall_back()
    {
        var start = TestData.Local("America/New_York", 2026, 10, 20, 10);
        var driver = WorkflowDriver.Confirmed(TestData.Details(start: start, timeZone: "America/New_York"));
        driver.RunUntil(start.AddHours(3));
        driver.At(TestData.Local("America/New_York", 2026, 10, 27, 11), new OutcomeRecorded(Outcome.Rejected)).AppliedState();
        driver.Approve(DraftKind.FeedbackRequest).AppliedState();

        var state = driver.Delivered(DraftKind.FeedbackRequest).AppliedState();

        // The candidate is in Berlin; New York falls back on 1 November, inside the 7-day wait, Berlin does not.
        var sentLocal = TestData.WallClock(state.Draft(DraftKind.FeedbackRequest).SentAt!.Value, TestData.Berlin);
        Assert.Equal(sentLocal.AddDays(7), TestData.WallClock(state.Timer(TimerKind.FeedbackNudge).DueAt, TestData.Berlin));
        Assert.Equal(sentLocal.AddDays(21), TestData.WallClock(state.Timer(TimerKind.CloseWithoutFeedback).DueAt, TestData.Berlin));
    }

    [Fact]
    public void A_48_hour_expiry_is_two_calendar_days_like_any_whole_day_delay()
    {
        // Thank-you drafts at 16:00 on Friday 27 March; Berlin springs forward on Sunday.
        var start = TestData.Local(TestData.Berlin, 2026, 3, 27, 14);
        var driver = WorkflowDriver.Confirmed(TestData.Details(start: start));

        var state = driver.Fire(TimerKind.ThankYouDrafts).AppliedState();

        var expiry = state.Timer(TimerKind.ThankYouExpiry).DueAt;
        Assert.Equal(new DateTime(2026, 3, 29, 16, 0, 0), TestData.WallClock(expiry, TestData.Berlin));
        Assert.All(state.Drafts, d => Assert.Equal(expiry, d.ExpiresAt));
    }
}
