using FollowUpFlow.Core.Commands;
using FollowUpFlow.Core.Events;
using FollowUpFlow.Core.Model;
using FollowUpFlow.Core.Tests.Support;
using FollowUpFlow.Core.Workflow;

namespace FollowUpFlow.Core.Tests.Scenarios;

/// <summary>Every way an interview ends, and what closing always does.</summary>
public sealed class OutcomeAndCancellationTests
{
    [Theory]
    [InlineData(Outcome.Offer, CloseReason.Offer)]
    [InlineData(Outcome.Withdrawn, CloseReason.Withdrawn)]
    [InlineData(Outcome.NoResponse, CloseReason.NoResponse)]
    public void Other_outcomes_close_and_withdraw_pending_drafts(Outcome outcome, CloseReason reason)
    {
        var driver = PhaseBuilder.InAwaitingOutcome();
        var timers = driver.Current.Timers;

        var decision = driver.Apply(new OutcomeRecorded(outcome));

        var state = decision.AppliedState();
        Assert.Equal(InterviewPhase.Closed, state.Phase);
        Assert.Equal(reason, state.CloseReason);
        Assert.Equal(outcome, state.Outcome);
        Assert.Equal(driver.Now, state.ClosedAt);
        Assert.All(state.Drafts, d => Assert.Equal(DraftStatus.Withdrawn, d.Status));
        Assert.Empty(state.Timers);
        Assert.Equal(timers.Select(t => t.Id).Order(), decision.Cancelled().Select(t => t.Id).Order());
        Assert.Equal(new Close(reason), Assert.Single(decision.Of<Close>()));
        Assert.Empty(decision.Of<SendDraft>());
        Assert.Empty(decision.Of<QueueResearch>());
    }

    [Fact]
    public void An_offer_keeps_a_send_already_in_flight_but_nothing_new_goes_out()
    {
        var driver = PhaseBuilder.InAwaitingOutcome();
        driver.Approve(DraftKind.ThankYou, TestData.Ana.Email).AppliedState();

        var state = driver.Apply(new OutcomeRecorded(Outcome.Offer)).AppliedState();

        Assert.Equal(DraftStatus.Sending, state.Draft(DraftKind.ThankYou, TestData.Ana.Email).Status);
        Assert.Equal(DraftStatus.Withdrawn, state.Draft(DraftKind.ThankYou, TestData.Ben.Email).Status);
        driver.Apply(new DraftApproved(state.Draft(DraftKind.ThankYou, TestData.Ben.Email).Id)).AssertUnchanged(DecisionKind.Refused, state);

        // The in-flight send still reports back, truthfully.
        var delivered = driver.Delivered(DraftKind.ThankYou, TestData.Ana.Email);
        Assert.Equal(DraftStatus.Sent, delivered.AppliedState().Draft(DraftKind.ThankYou, TestData.Ana.Email).Status);
        Assert.Empty(delivered.Commands);
    }

    [Fact]
    public void An_in_flight_send_that_fails_after_close_is_reported_without_a_retry_offer()
    {
        var driver = PhaseBuilder.Build(PhaseBuilder.ClosedSendInFlight);
        var draft = driver.Current.Draft(DraftKind.ThankYou, TestData.Ana.Email);

        var failed = driver.Apply(new SendFailed(draft.Id, "550 no such user"));

        var note = Assert.Single(failed.Notifications());
        Assert.Contains("will not be retried", note.Body, StringComparison.Ordinal);
        driver.Apply(new DraftApproved(draft.Id)).AssertUnchanged(DecisionKind.Refused, driver.State);
    }

    [Theory]
    [InlineData(PhaseBuilder.Scheduled)]
    [InlineData(PhaseBuilder.AwaitingOutcome)]
    [InlineData(PhaseBuilder.Rejected)]
    [InlineData(PhaseBuilder.RejectedAtNight)]
    [InlineData(PhaseBuilder.AwaitingFeedback)]
    public void Cancellation_closes_from_every_open_phase(string phase)
    {
        var driver = PhaseBuilder.Build(phase);
        var before = driver.Current;

        var decision = driver.Apply(new Cancelled("Role put on hold"));

        var state = decision.AppliedState();
        Assert.Equal(CloseReason.Cancelled, state.CloseReason);
        Assert.Empty(state.Timers);
        Assert.Equal(before.Timers.Select(t => t.Id).Order(), decision.Cancelled().Select(t => t.Id).Order());
        Assert.DoesNotContain(state.Drafts, d => d.IsOpen());
        Assert.Single(decision.Of<Close>());
        Assert.Equal(before.Drafts.Select(d => d.Id), state.Drafts.Select(d => d.Id));
    }

    [Fact]
    public void Cancelling_twice_is_refused()
    {
        var driver = PhaseBuilder.Build(PhaseBuilder.Closed);
        var before = driver.State;

        driver.Apply(new Cancelled(null)).AssertUnchanged(DecisionKind.Refused, before);
    }

    [Fact]
    public void A_failed_draft_is_withdrawn_too_when_the_interview_closes()
    {
        var driver = PhaseBuilder.InAwaitingOutcome();
        driver.Approve(DraftKind.ThankYou, TestData.Ana.Email).AppliedState();
        var draft = driver.Current.Draft(DraftKind.ThankYou, TestData.Ana.Email);
        driver.Apply(new SendFailed(draft.Id, "550 no such user")).AppliedState();

        var state = driver.Apply(new Cancelled(null)).AppliedState();

        var withdrawn = state.FindDraft(draft.Id)!;
        Assert.Equal(DraftStatus.Withdrawn, withdrawn.Status);
        Assert.Equal("550 no such user", withdrawn.FailureReason);
    }
}
