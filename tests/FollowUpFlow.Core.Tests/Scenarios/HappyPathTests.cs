using FollowUpFlow.Core.Commands;
using FollowUpFlow.Core.Events;
using FollowUpFlow.Core.Model;
using FollowUpFlow.Core.Tests.Support;
using FollowUpFlow.Core.Workflow;

namespace FollowUpFlow.Core.Tests.Scenarios;

/// <summary>The whole default timeline: thank-yous, a rejection, the feedback request, one nudge, a reply.</summary>
public sealed class HappyPathTests
{
    [Fact]
    public void Thank_yous_then_rejection_then_feedback_request_then_nudge_then_reply_closes()
    {
        var driver = new WorkflowDriver();

        // Confirmation: three timers counted from the interview's end (15:00 Berlin).
        var confirmed = driver.Apply(new ConfirmationReceived("iv1", TestData.Details()));
        var state = confirmed.AppliedState();
        Assert.Equal(InterviewPhase.Scheduled, state.Phase);
        Assert.Equal(
            [
                (TimerKind.ReflectionPrompt, TestData.End.AddMinutes(30)),
                (TimerKind.ThankYouDrafts, TestData.End.AddHours(1)),
                (TimerKind.StatusCheckIn, TestData.End.AddDays(7)),
            ],
            confirmed.Scheduled().Select(t => (t.Kind, t.DueAt)).ToList());
        Assert.Equal(["t1", "t2", "t3"], state.Timers.Select(t => t.Id));

        // +30 min: the reflection prompt names the role and the company.
        var prompt = driver.Fire(TimerKind.ReflectionPrompt);
        var reflection = Assert.Single(prompt.Notifications());
        Assert.Equal(NotificationKind.ReflectionPrompt, reflection.Kind);
        Assert.Contains("Platform Engineer", reflection.Subject, StringComparison.Ordinal);
        Assert.Contains("Acme", reflection.Subject, StringComparison.Ordinal);

        // +1 h: one thank-you per interviewer, a shared expiry and reminder, one digest.
        var thanks = driver.Fire(TimerKind.ThankYouDrafts);
        state = thanks.AppliedState();
        Assert.Equal(InterviewPhase.AwaitingOutcome, state.Phase);
        var drafts = thanks.Of<CreateDraft>().Select(c => c.Draft).ToList();
        Assert.Equal([TestData.Ana.Email, TestData.Ben.Email], drafts.Select(d => d.To.Email));
        Assert.All(drafts, d => Assert.Equal(DraftKind.ThankYou, d.Kind));
        Assert.All(drafts, d => Assert.Equal(driver.Now.AddHours(48), d.ExpiresAt));
        Assert.Equal(["iv1-d5", "iv1-d6"], drafts.Select(d => d.Id));
        Assert.Equal(driver.Now.AddHours(48), state.Timer(TimerKind.ThankYouExpiry).DueAt);
        Assert.Equal(driver.Now.AddHours(18), state.Timer(TimerKind.ApprovalReminder).DueAt);
        var digest = Assert.Single(thanks.Notifications());
        Assert.Equal(NotificationKind.DraftsWaiting, digest.Kind);
        Assert.Equal(["iv1-d5", "iv1-d6"], digest.DraftIds.ToArray());

        // The candidate approves Ana's note as drafted and Ben's with an edit; both go out.
        driver.Now = driver.Now.AddHours(2);
        var approveAna = driver.Approve(DraftKind.ThankYou, TestData.Ana.Email);
        var send = Assert.Single(approveAna.Of<SendDraft>());
        Assert.Equal(new SendDraft("iv1-d5", "<iv1-d5.1@followupflow.local>"), send);
        driver.Approve(DraftKind.ThankYou, TestData.Ben.Email, body: "Hi Ben,\n\nThanks for the deep dive on the deploy pipeline.\n\nSam").AppliedState();
        driver.Delivered(DraftKind.ThankYou, TestData.Ana.Email).AppliedState();
        state = driver.Delivered(DraftKind.ThankYou, TestData.Ben.Email).AppliedState();
        Assert.All(state.Drafts, d => Assert.Equal(DraftStatus.Sent, d.Status));
        Assert.True(state.Draft(DraftKind.ThankYou, TestData.Ben.Email).Edited);
        Assert.DoesNotContain(state.Timers, t => t.Kind is TimerKind.ApprovalReminder or TimerKind.ThankYouExpiry);

        // Friday 10:00: rejected. Research is queued and the feedback request to the recruiter is drafted now.
        var rejection = driver.At(
            TestData.Local(TestData.Berlin, 2026, 3, 13, 10),
            new OutcomeRecorded(Outcome.Rejected, new SuccessfulCandidate("Jo Park", "https://example.org/jo", null)));
        state = rejection.AppliedState();
        Assert.Equal(InterviewPhase.Rejected, state.Phase);
        var research = Assert.Single(rejection.Of<QueueResearch>()).Task;
        Assert.Equal("iv1-research", research.Id);
        Assert.Equal("Jo Park", research.SuccessfulCandidate?.Name);
        var request = Assert.Single(rejection.Of<CreateDraft>()).Draft;
        Assert.Equal(DraftKind.FeedbackRequest, request.Kind);
        Assert.Equal(TestData.Rita, request.To);
        Assert.Contains(rejection.Cancelled(), t => t.Kind == TimerKind.StatusCheckIn);
        Assert.Equal([TimerKind.ApprovalReminder], state.Timers.Select(t => t.Kind));

        // Approved and sent: the nudge and the final close are counted from the send.
        driver.Approve(DraftKind.FeedbackRequest).AppliedState();
        var sent = driver.Delivered(DraftKind.FeedbackRequest);
        state = sent.AppliedState();
        Assert.Equal(InterviewPhase.AwaitingFeedback, state.Phase);
        var sentAt = state.Draft(DraftKind.FeedbackRequest).SentAt!.Value;
        Assert.Equal(sentAt.AddDays(7), state.Timer(TimerKind.FeedbackNudge).DueAt);
        // 21 days later crosses the switch to summer time (29 March): same wall-clock time, one hour less in between.
        Assert.Equal(
            TestData.WallClock(sentAt, TestData.Berlin).AddDays(21),
            TestData.WallClock(state.Timer(TimerKind.CloseWithoutFeedback).DueAt, TestData.Berlin));
        Assert.Equal(TimeSpan.FromDays(21) - TimeSpan.FromHours(1), state.Timer(TimerKind.CloseWithoutFeedback).DueAt - sentAt);

        // A week of silence: one nudge, in the same thread.
        var nudgeDecision = driver.Fire(TimerKind.FeedbackNudge);
        state = nudgeDecision.AppliedState();
        var nudge = Assert.Single(nudgeDecision.Of<CreateDraft>()).Draft;
        var sentRequest = state.Draft(DraftKind.FeedbackRequest);
        Assert.Equal(DraftKind.FeedbackNudge, nudge.Kind);
        Assert.Equal(TestData.Rita, nudge.To);
        Assert.Equal(sentRequest.MessageId, nudge.InReplyTo);
        Assert.Equal("Re: " + sentRequest.Subject, nudge.Subject);
        Assert.True(state.HasTimer(TimerKind.ApprovalReminder));
        driver.Approve(DraftKind.FeedbackNudge).AppliedState();
        driver.Delivered(DraftKind.FeedbackNudge).AppliedState();

        // Rita answers: the reply is kept and the interview closes with feedback.
        var reply = driver.Apply(new ReplyReceived("r1", "Rita Gomez <rita@acme.example>", "Re: " + sentRequest.Subject, driver.Now.AddDays(1)));
        state = reply.AppliedState();
        Assert.Equal(InterviewPhase.Closed, state.Phase);
        Assert.Equal(CloseReason.FeedbackReceived, state.CloseReason);
        Assert.Equal("r1", Assert.Single(state.Replies).Id);
        Assert.Equal(new Close(CloseReason.FeedbackReceived), Assert.Single(reply.Of<Close>()));
        Assert.Empty(state.Timers);
        Assert.Contains(reply.Cancelled(), t => t.Kind == TimerKind.CloseWithoutFeedback);
    }

    [Fact]
    public void No_reply_after_the_final_wait_closes_without_feedback()
    {
        var driver = PhaseBuilder.InAwaitingFeedback();
        driver.Fire(TimerKind.FeedbackNudge).AppliedState();

        var close = driver.Fire(TimerKind.CloseWithoutFeedback);

        var state = close.AppliedState();
        Assert.Equal(CloseReason.NoFeedback, state.CloseReason);
        Assert.Equal(DraftStatus.Withdrawn, state.Draft(DraftKind.FeedbackNudge).Status);
        Assert.Empty(state.Timers);
    }

    [Fact]
    public void A_week_without_an_outcome_drafts_a_status_check_in_to_the_recruiter()
    {
        var driver = PhaseBuilder.InAwaitingOutcome();

        var checkIn = driver.Fire(TimerKind.StatusCheckIn);

        var draft = Assert.Single(checkIn.Of<CreateDraft>()).Draft;
        Assert.Equal(DraftKind.StatusCheckIn, draft.Kind);
        Assert.Equal(TestData.Rita, draft.To);
        Assert.Null(draft.ExpiresAt);
        Assert.True(checkIn.AppliedState().HasTimer(TimerKind.ApprovalReminder));
        Assert.Equal(NotificationKind.DraftsWaiting, Assert.Single(checkIn.Notifications()).Kind);
    }

    [Fact]
    public void A_status_check_in_with_no_recruiter_address_only_tells_the_candidate()
    {
        var driver = WorkflowDriver.Confirmed(TestData.Details(recruiter: new Person("Rita Gomez", null)));

        var checkIn = driver.Fire(TimerKind.StatusCheckIn);

        Assert.Empty(checkIn.Of<CreateDraft>());
        Assert.Equal(NotificationKind.Information, Assert.Single(checkIn.Notifications()).Kind);
        Assert.False(checkIn.AppliedState().HasTimer(TimerKind.ApprovalReminder));
    }

    [Fact]
    public void The_approval_reminder_lists_the_drafts_still_pending()
    {
        var driver = PhaseBuilder.InAwaitingOutcome();
        driver.Approve(DraftKind.ThankYou, TestData.Ana.Email).AppliedState();

        var reminder = driver.Fire(TimerKind.ApprovalReminder);

        var note = Assert.Single(reminder.Notifications());
        Assert.Equal(NotificationKind.ApprovalReminder, note.Kind);
        Assert.Equal([driver.Current.Draft(DraftKind.ThankYou, TestData.Ben.Email).Id], note.DraftIds.ToArray());
        Assert.Contains("Ben Okafor", note.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Unapproved_thank_yous_expire_and_their_reminder_goes_with_them()
    {
        var driver = PhaseBuilder.InAwaitingOutcome();
        driver.Apply(new DraftRejected(driver.Current.Draft(DraftKind.ThankYou, TestData.Ben.Email).Id)).AppliedState();
        driver.Fire(TimerKind.ApprovalReminder).AppliedState();

        var expiry = driver.Fire(TimerKind.ThankYouExpiry);

        var state = expiry.AppliedState();
        Assert.Equal(DraftStatus.Expired, state.Draft(DraftKind.ThankYou, TestData.Ana.Email).Status);
        Assert.Equal(DraftStatus.Rejected, state.Draft(DraftKind.ThankYou, TestData.Ben.Email).Status);
        Assert.Equal([TimerKind.StatusCheckIn], state.Timers.Select(t => t.Kind));
        Assert.Equal(InterviewPhase.AwaitingOutcome, state.Phase);
    }
}
