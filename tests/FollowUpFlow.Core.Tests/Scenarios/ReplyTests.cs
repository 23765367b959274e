using FollowUpFlow.Core.Events;
using FollowUpFlow.Core.Model;
using FollowUpFlow.Core.Tests.Support;
using FollowUpFlow.Core.Workflow;

namespace FollowUpFlow.Core.Tests.Scenarios;

/// <summary>Auto-stop on reply: any answer stops every pending nudge; an answer to the feedback request closes.</summary>
public sealed class ReplyTests
{
    private static ReplyReceived From(string id, string from, DateTimeOffset at) => new(id, from, "Re: Platform Engineer", at);

    [Fact]
    public void A_reply_before_the_status_check_in_cancels_it()
    {
        var driver = PhaseBuilder.InAwaitingOutcome();
        var checkIn = driver.Current.Timer(TimerKind.StatusCheckIn);

        var decision = driver.Apply(From("r1", "ana@acme.example", driver.Now));

        var state = decision.AppliedState();
        Assert.Equal([checkIn], decision.Cancelled());
        Assert.False(state.HasTimer(TimerKind.StatusCheckIn));
        Assert.Equal(InterviewPhase.AwaitingOutcome, state.Phase);
        Assert.Equal(new ReplySummary("r1", "ana@acme.example", "Re: Platform Engineer", driver.Now), Assert.Single(state.Replies));
        Assert.All(state.Drafts, d => Assert.Equal(DraftStatus.Pending, d.Status));
    }

    [Fact]
    public void A_reply_withdraws_a_pending_status_check_in_draft()
    {
        var driver = PhaseBuilder.InAwaitingOutcome();
        driver.Fire(TimerKind.StatusCheckIn).AppliedState();

        var state = driver.Apply(From("r1", "Rita Gomez <rita@acme.example>", driver.Now)).AppliedState();

        Assert.Equal(DraftStatus.Withdrawn, state.Draft(DraftKind.StatusCheckIn).Status);
        Assert.DoesNotContain(state.Timers, t => t.Kind == TimerKind.ApprovalReminder);
    }

    [Fact]
    public void A_reply_while_awaiting_feedback_closes_and_withdraws_the_pending_nudge()
    {
        var driver = PhaseBuilder.InAwaitingFeedback();
        driver.Fire(TimerKind.FeedbackNudge).AppliedState();

        var decision = driver.Apply(From("r9", "rita@acme.example", driver.Now));

        var state = decision.AppliedState();
        Assert.Equal(CloseReason.FeedbackReceived, state.CloseReason);
        Assert.Equal(DraftStatus.Withdrawn, state.Draft(DraftKind.FeedbackNudge).Status);
        Assert.Empty(state.Timers);
    }

    [Fact]
    public void A_reply_before_the_nudge_is_due_means_no_nudge_is_ever_drafted()
    {
        var driver = PhaseBuilder.InAwaitingFeedback();
        var nudge = driver.Current.Timer(TimerKind.FeedbackNudge);

        var decision = driver.Apply(From("r1", "rita@acme.example", driver.Now.AddDays(2)));

        Assert.Contains(nudge, decision.Cancelled());
        var late = driver.At(nudge.DueAt, new TimerFired(nudge.Id, nudge.Kind, nudge.DueAt));
        late.AssertUnchanged(DecisionKind.Ignored, driver.State);
        Assert.DoesNotContain(driver.Current.Drafts, d => d.Kind == DraftKind.FeedbackNudge);
    }

    [Fact]
    public void The_candidates_own_message_in_the_thread_is_not_a_reply()
    {
        var driver = PhaseBuilder.InAwaitingFeedback();
        var before = driver.State;

        var decision = driver.Apply(From("own", "\"Sam Carter\" <Sam@Candidate.example>", driver.Now));

        decision.AssertUnchanged(DecisionKind.Ignored, before);
    }

    [Fact]
    public void A_reply_to_a_closed_interview_is_ignored()
    {
        var driver = PhaseBuilder.Build(PhaseBuilder.Closed);

        driver.Apply(From("r1", "rita@acme.example", driver.Now)).AssertUnchanged(DecisionKind.Ignored, driver.State);
    }

    [Fact]
    public void A_reply_without_an_id_is_refused()
    {
        var driver = PhaseBuilder.InAwaitingOutcome();

        driver.Apply(From(" ", "rita@acme.example", driver.Now)).AssertUnchanged(DecisionKind.Refused, driver.State);
    }
}
