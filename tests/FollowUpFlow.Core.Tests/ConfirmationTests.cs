using FollowUpFlow.Core.Events;
using FollowUpFlow.Core.Model;
using FollowUpFlow.Core.Tests.Support;
using FollowUpFlow.Core.Workflow;

namespace FollowUpFlow.Core.Tests;

/// <summary>Starting an interview: only a valid confirmation on no state does it.</summary>
public sealed class ConfirmationTests
{
    private static Decision Confirm(InterviewDetails details, string id = "iv1") =>
        InterviewDecider.Decide(null, new ConfirmationReceived(id, details), TestData.Start.AddDays(-2), TestData.Settings);

    [Fact]
    public void A_valid_confirmation_starts_a_scheduled_interview()
    {
        var decision = Confirm(TestData.Details() with { Company = "  Acme  " });

        var state = decision.AppliedState();
        Assert.Equal("iv1", state.Id);
        Assert.Equal("Acme", state.Details.Company);
        Assert.Equal(InterviewPhase.Scheduled, state.Phase);
        Assert.Empty(state.Drafts);
        Assert.Empty(state.Replies);
        Assert.Equal(4, state.NextSequence);
        Assert.Equal(state.Timers, decision.Scheduled());
    }

    [Theory]
    [InlineData("", "Platform Engineer", 60, TestData.Berlin, "company")]
    [InlineData("Acme", " ", 60, TestData.Berlin, "role")]
    [InlineData("Acme", "Platform Engineer", 0, TestData.Berlin, "end after it starts")]
    [InlineData("Acme", "Platform Engineer", -30, TestData.Berlin, "end after it starts")]
    [InlineData("Acme", "Platform Engineer", 60, "Berlin", "not a known time zone")]
    [InlineData("Acme", "Platform Engineer", 60, "", "not a known time zone")]
    public void An_invalid_confirmation_is_refused_with_a_reason(string company, string role, int minutes, string zone, string reason)
    {
        var details = TestData.Details(length: TimeSpan.FromMinutes(minutes), timeZone: zone) with { Company = company, Role = role };

        var decision = Confirm(details);

        decision.AssertUnchanged(DecisionKind.Refused, null);
        Assert.Contains(reason, decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_confirmation_without_an_id_is_refused() =>
        Confirm(TestData.Details(), id: " ").AssertUnchanged(DecisionKind.Refused, null);

    [Theory]
    [MemberData(nameof(NonConfirmations))]
    public void Any_other_event_without_an_interview_is_refused(WorkflowEvent evt)
    {
        var decision = InterviewDecider.Decide(null, evt, TestData.Start, TestData.Settings);

        decision.AssertUnchanged(DecisionKind.Refused, null);
        Assert.Contains("only a forwarded confirmation", decision.Reason, StringComparison.Ordinal);
    }

    public static TheoryData<WorkflowEvent> NonConfirmations() =>
    [
        new Rescheduled(TestData.Start, TestData.End, null),
        new Cancelled(null),
        new TimerFired("t1", TimerKind.ReflectionPrompt, TestData.End),
        new DraftApproved("iv1-d1"),
        new DraftRejected("iv1-d1"),
        new OutcomeRecorded(Outcome.Rejected),
        new ReplyReceived("r1", "a@b.example", "Hi", TestData.End),
        new SendSucceeded("iv1-d1", "<m@x>", TestData.End),
        new SendFailed("iv1-d1", "550"),
    ];

    [Fact]
    public void Interviewers_missing_from_the_json_do_not_break_the_workflow()
    {
        var details = TestData.Details() with { Interviewers = default };
        var driver = WorkflowDriver.Confirmed(details);

        var thanks = driver.Fire(TimerKind.ThankYouDrafts);

        Assert.Equal(NotificationKind.Information, Assert.Single(thanks.Notifications()).Kind);
    }

    [Fact]
    public void A_stored_state_with_missing_arrays_is_treated_as_empty()
    {
        var state = WorkflowDriver.Confirmed().Current with { Drafts = default, Replies = default };

        var decision = InterviewDecider.Decide(state, new ReplyReceived("r1", "a@b.example", "Hi", TestData.End), TestData.End, TestData.Settings);

        Assert.Single(decision.AppliedState().Replies);
    }

    [Fact]
    public void A_sequence_behind_the_stored_ids_never_reuses_an_id()
    {
        var state = WorkflowDriver.Confirmed().Current with { NextSequence = 1 };

        var rescheduled = InterviewDecider.Decide(state, new Rescheduled(TestData.Start.AddDays(1), TestData.End.AddDays(1), null), TestData.Start, TestData.Settings);

        var ids = rescheduled.AppliedState().Timers.Select(t => t.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }
}
