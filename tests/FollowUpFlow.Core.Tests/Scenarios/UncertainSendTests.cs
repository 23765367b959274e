using FollowUpFlow.Core.Commands;
using FollowUpFlow.Core.Events;
using FollowUpFlow.Core.Model;
using FollowUpFlow.Core.Tests.Support;
using FollowUpFlow.Core.Workflow;

namespace FollowUpFlow.Core.Tests.Scenarios;

/// <summary>
/// A send interrupted where the provider cannot be asked (SendGrid): nothing is resent on its own; the candidate
/// says it left, approves it again, or skips it.
/// </summary>
public sealed class UncertainSendTests
{
    [Fact]
    public void An_interrupted_send_waits_for_the_candidate_and_tells_them()
    {
        var driver = PhaseBuilder.InAwaitingOutcome();
        var draft = driver.Current.Draft(DraftKind.ThankYou);
        driver.Apply(new DraftApproved(draft.Id)).AppliedState();

        var decision = driver.Apply(new SendUncertain(draft.Id, " The connection dropped before SendGrid answered. "));

        var uncertain = decision.AppliedState().FindDraft(draft.Id)!;
        Assert.Equal(DraftStatus.Uncertain, uncertain.Status);
        Assert.Equal("The connection dropped before SendGrid answered.", uncertain.FailureReason);
        Assert.Empty(decision.Of<SendDraft>());
        var note = Assert.Single(decision.Notifications());
        Assert.Equal(NotificationKind.SendUncertain, note.Kind);
        Assert.Equal([draft.Id], note.DraftIds.ToArray());
        Assert.Contains("sent mail", note.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Marked_as_sent_it_counts_as_sent_at_its_approval()
    {
        var driver = PhaseBuilder.InAwaitingOutcome();
        var draft = driver.Current.Draft(DraftKind.ThankYou);
        var approvedAt = driver.Now;
        driver.Apply(new DraftApproved(draft.Id)).AppliedState();
        driver.Apply(new SendUncertain(draft.Id, "timeout")).AppliedState();

        var decision = driver.Apply(new DraftMarkedSent(draft.Id));

        var sent = decision.AppliedState().FindDraft(draft.Id)!;
        Assert.Equal(DraftStatus.Sent, sent.Status);
        Assert.Equal(approvedAt, sent.SentAt);
        Assert.Null(sent.FailureReason);
        Assert.Empty(decision.Of<SendDraft>());
        driver.Apply(new DraftMarkedSent(draft.Id)).AssertUnchanged(DecisionKind.Refused, driver.State);
    }

    [Fact]
    public void Approved_again_it_is_sent_with_a_new_message_id()
    {
        var driver = PhaseBuilder.InAwaitingOutcome();
        var draft = driver.Current.Draft(DraftKind.ThankYou);
        driver.Apply(new DraftApproved(draft.Id)).AppliedState();
        driver.Apply(new SendUncertain(draft.Id, "timeout")).AppliedState();

        var decision = driver.Apply(new DraftApproved(draft.Id));

        var again = decision.AppliedState().FindDraft(draft.Id)!;
        Assert.Equal(DraftStatus.Sending, again.Status);
        Assert.Equal($"<{draft.Id}.2@followupflow.local>", again.MessageId);
        Assert.Equal([new SendDraft(draft.Id, again.MessageId!)], decision.Of<SendDraft>());
    }

    [Fact]
    public void Skipped_it_is_left_as_it_is()
    {
        var driver = PhaseBuilder.InAwaitingOutcome();
        var draft = driver.Current.Draft(DraftKind.ThankYou);
        driver.Apply(new DraftApproved(draft.Id)).AppliedState();
        driver.Apply(new SendUncertain(draft.Id, "timeout")).AppliedState();

        var decision = driver.Apply(new DraftRejected(draft.Id));

        Assert.Equal(DraftStatus.Rejected, decision.AppliedState().FindDraft(draft.Id)!.Status);
        Assert.Empty(decision.Of<SendDraft>());
    }

    [Fact]
    public void A_feedback_request_marked_as_sent_starts_waiting_for_feedback()
    {
        var driver = PhaseBuilder.InRejected();
        var request = driver.Approve(DraftKind.FeedbackRequest).AppliedState().Drafts.Single(d => d.Kind == DraftKind.FeedbackRequest);
        driver.Apply(new SendUncertain(request.Id, "timeout")).AppliedState();

        var state = driver.Apply(new DraftMarkedSent(request.Id)).AppliedState();

        Assert.Equal(InterviewPhase.AwaitingFeedback, state.Phase);
        Assert.Contains(state.Timers, t => t.Kind == TimerKind.FeedbackNudge);
        Assert.Contains(state.Timers, t => t.Kind == TimerKind.CloseWithoutFeedback);
    }

    [Fact]
    public void Only_a_send_in_flight_can_become_uncertain()
    {
        var driver = PhaseBuilder.InAwaitingOutcome();
        var draft = driver.Current.Draft(DraftKind.ThankYou);

        driver.Apply(new SendUncertain(draft.Id, "timeout")).AssertUnchanged(DecisionKind.Ignored, driver.State);
        driver.Apply(new DraftMarkedSent(draft.Id)).AssertUnchanged(DecisionKind.Refused, driver.State);
        driver.Apply(new SendUncertain("iv1-d999", "timeout")).AssertUnchanged(DecisionKind.Refused, driver.State);
    }
}
