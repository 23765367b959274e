using FollowUpFlow.Core.Commands;
using FollowUpFlow.Core.Events;
using FollowUpFlow.Core.Model;
using FollowUpFlow.Core.Tests.Support;
using FollowUpFlow.Core.Workflow;

namespace FollowUpFlow.Core.Tests.Scenarios;

/// <summary>Approving, editing, skipping and retrying drafts; nothing leaves without an approval.</summary>
public sealed class ApprovalTests
{
    [Fact]
    public void Approval_fixes_the_message_id_and_sends_once()
    {
        var driver = PhaseBuilder.InAwaitingOutcome();
        var draft = driver.Current.Draft(DraftKind.ThankYou, TestData.Ana.Email);

        var decision = driver.Apply(new DraftApproved(draft.Id));

        var sending = decision.AppliedState().FindDraft(draft.Id)!;
        Assert.Equal(DraftStatus.Sending, sending.Status);
        Assert.Equal(driver.Now, sending.ApprovedAt);
        Assert.Equal(1, sending.SendAttempts);
        Assert.Equal($"<{draft.Id}.1@followupflow.local>", sending.MessageId);
        Assert.False(sending.Edited);
        Assert.Equal([new SendDraft(draft.Id, sending.MessageId!)], decision.Commands.OfType<SendDraft>());
    }

    [Fact]
    public void Edits_are_applied_and_marked()
    {
        var driver = PhaseBuilder.InAwaitingOutcome();
        var draft = driver.Current.Draft(DraftKind.ThankYou, TestData.Ben.Email);

        var state = driver.Apply(new DraftApproved(draft.Id, "  Thanks for Tuesday,\tBen  ", "Hi Ben,\r\n\r\nThanks for walking me through the on-call setup.\r\n\r\nSam\r\n")).AppliedState();

        var edited = state.FindDraft(draft.Id)!;
        Assert.True(edited.Edited);
        Assert.Equal("Thanks for Tuesday, Ben", edited.Subject);
        Assert.Equal("Hi Ben,\n\nThanks for walking me through the on-call setup.\n\nSam", edited.Body);
    }

    [Fact]
    public void An_edit_that_changes_nothing_is_not_marked_as_edited()
    {
        var driver = PhaseBuilder.InAwaitingOutcome();
        var draft = driver.Current.Draft(DraftKind.ThankYou, TestData.Ben.Email);

        var state = driver.Apply(new DraftApproved(draft.Id, draft.Subject)).AppliedState();

        Assert.False(state.FindDraft(draft.Id)!.Edited);
    }

    [Fact]
    public void An_edit_saved_for_later_changes_the_words_and_nothing_else()
    {
        var driver = PhaseBuilder.InAwaitingOutcome();
        var draft = driver.Current.Draft(DraftKind.ThankYou, TestData.Ben.Email);

        var decision = driver.Apply(new DraftEdited(draft.Id, "  Thanks for Tuesday,\tBen  ", "Hi Ben,\r\n\r\nThanks.\r\n\r\nSam\r\n"));

        var edited = decision.AppliedState().FindDraft(draft.Id)!;
        Assert.Equal(draft with { Subject = "Thanks for Tuesday, Ben", Body = "Hi Ben,\n\nThanks.\n\nSam", Edited = true }, edited);
        Assert.Empty(decision.Commands);
    }

    [Fact]
    public void A_saved_edit_is_what_a_plain_approval_sends()
    {
        var driver = PhaseBuilder.InAwaitingOutcome();
        var draft = driver.Current.Draft(DraftKind.ThankYou, TestData.Ben.Email);
        driver.Apply(new DraftEdited(draft.Id, Body: "Hi Ben,\n\nThanks.\n\nSam")).AppliedState();

        var sending = driver.Apply(new DraftApproved(draft.Id)).AppliedState().FindDraft(draft.Id)!;

        Assert.Equal(DraftStatus.Sending, sending.Status);
        Assert.Equal("Hi Ben,\n\nThanks.\n\nSam", sending.Body);
        Assert.True(sending.Edited);
    }

    [Fact]
    public void An_edit_that_changes_nothing_is_ignored()
    {
        var driver = PhaseBuilder.InAwaitingOutcome();
        var draft = driver.Current.Draft(DraftKind.ThankYou, TestData.Ben.Email);

        driver.Apply(new DraftEdited(draft.Id, draft.Subject, draft.Body)).AssertUnchanged(DecisionKind.Ignored, driver.State);
    }

    [Theory]
    [InlineData(null, null, "neither a subject nor a body")]
    [InlineData(" ", null, "subject is empty")]
    [InlineData("Thanks\r\nBcc: everyone@example.org", null, "single line")]
    [InlineData(null, " \n ", "body is empty")]
    public void Empty_or_unsafe_edits_for_later_are_refused(string? subject, string? body, string reason)
    {
        var driver = PhaseBuilder.InAwaitingOutcome();
        var draft = driver.Current.Draft(DraftKind.ThankYou, TestData.Ben.Email);
        var before = driver.State;

        var decision = driver.Apply(new DraftEdited(draft.Id, subject, body));

        decision.AssertUnchanged(DecisionKind.Refused, before);
        Assert.Contains(reason, decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_draft_cannot_be_edited_once_expired_or_sent()
    {
        var driver = PhaseBuilder.InAwaitingOutcome();
        var ana = driver.Current.Draft(DraftKind.ThankYou, TestData.Ana.Email);
        var ben = driver.Current.Draft(DraftKind.ThankYou, TestData.Ben.Email);
        driver.Apply(new DraftApproved(ana.Id)).AppliedState();

        Assert.Contains("already being sent", driver.Apply(new DraftEdited(ana.Id, "Later")).Reason, StringComparison.Ordinal);
        var expired = driver.At(ben.ExpiresAt!.Value, new DraftEdited(ben.Id, "Later"));
        Assert.Equal(DecisionKind.Refused, expired.Kind);
        Assert.Contains("expired", expired.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", null, "subject is empty")]
    [InlineData("  ", null, "subject is empty")]
    [InlineData("Thanks\r\nBcc: everyone@example.org", null, "single line")]
    [InlineData(null, "", "body is empty")]
    [InlineData(null, " \n\t ", "body is empty")]
    public void Empty_or_unsafe_edits_are_refused(string? subject, string? body, string reason)
    {
        var driver = PhaseBuilder.InAwaitingOutcome();
        var before = driver.State;

        var decision = driver.Apply(new DraftApproved(driver.Current.Draft(DraftKind.ThankYou).Id, subject, body));

        decision.AssertUnchanged(DecisionKind.Refused, before);
        Assert.Contains(reason, decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Approval_after_the_expiry_time_is_refused_even_before_the_expiry_timer_ran()
    {
        var driver = PhaseBuilder.InAwaitingOutcome();
        var draft = driver.Current.Draft(DraftKind.ThankYou);
        var before = driver.State;

        var decision = driver.At(draft.ExpiresAt!.Value, new DraftApproved(draft.Id));

        decision.AssertUnchanged(DecisionKind.Refused, before);
        Assert.Contains("expired", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Approval_of_an_expired_draft_is_refused()
    {
        var driver = PhaseBuilder.InAwaitingOutcome();
        var draft = driver.Current.Draft(DraftKind.ThankYou);
        driver.Fire(TimerKind.ThankYouExpiry).AppliedState();

        var decision = driver.Apply(new DraftApproved(draft.Id));

        decision.AssertUnchanged(DecisionKind.Refused, driver.State);
        Assert.Contains("expired", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Approving_a_draft_twice_is_refused_and_sends_nothing()
    {
        var driver = PhaseBuilder.InAwaitingOutcome();
        var draft = driver.Current.Draft(DraftKind.ThankYou);
        driver.Apply(new DraftApproved(draft.Id)).AppliedState();

        driver.Apply(new DraftApproved(draft.Id)).AssertUnchanged(DecisionKind.Refused, driver.State);
        driver.Delivered(DraftKind.ThankYou).AppliedState();
        driver.Apply(new DraftApproved(draft.Id)).AssertUnchanged(DecisionKind.Refused, driver.State);
    }

    [Fact]
    public void A_failed_send_can_be_approved_again_with_a_new_message_id()
    {
        var driver = PhaseBuilder.InAwaitingOutcome();
        var draft = driver.Current.Draft(DraftKind.ThankYou);
        driver.Apply(new DraftApproved(draft.Id)).AppliedState();

        var failed = driver.Apply(new SendFailed(draft.Id, "  550 5.1.1 mailbox unavailable "));

        var failedDraft = failed.AppliedState().FindDraft(draft.Id)!;
        Assert.Equal(DraftStatus.Failed, failedDraft.Status);
        Assert.Equal("550 5.1.1 mailbox unavailable", failedDraft.FailureReason);
        var note = Assert.Single(failed.Notifications());
        Assert.Equal(NotificationKind.SendFailed, note.Kind);
        Assert.Equal([draft.Id], note.DraftIds.ToArray());
        Assert.Contains("550 5.1.1 mailbox unavailable", note.Body, StringComparison.Ordinal);

        var retry = driver.Apply(new DraftApproved(draft.Id));

        var retried = retry.AppliedState().FindDraft(draft.Id)!;
        Assert.Equal(2, retried.SendAttempts);
        Assert.Equal($"<{draft.Id}.2@followupflow.local>", retried.MessageId);
        Assert.Null(retried.FailureReason);
        Assert.Single(retry.Of<SendDraft>());
    }

    [Fact]
    public void A_failed_draft_can_be_skipped()
    {
        var driver = PhaseBuilder.InAwaitingOutcome();
        var draft = driver.Current.Draft(DraftKind.ThankYou);
        driver.Apply(new DraftApproved(draft.Id)).AppliedState();
        driver.Apply(new SendFailed(draft.Id, "550")).AppliedState();

        var state = driver.Apply(new DraftRejected(draft.Id)).AppliedState();

        Assert.Equal(DraftStatus.Rejected, state.FindDraft(draft.Id)!.Status);
    }

    [Fact]
    public void Skipping_the_last_pending_draft_cancels_its_reminder_and_expiry()
    {
        var driver = PhaseBuilder.InAwaitingOutcome();
        driver.Apply(new DraftRejected(driver.Current.Draft(DraftKind.ThankYou, TestData.Ana.Email).Id)).AppliedState();

        var decision = driver.Apply(new DraftRejected(driver.Current.Draft(DraftKind.ThankYou, TestData.Ben.Email).Id));

        Assert.Equal([TimerKind.ApprovalReminder, TimerKind.ThankYouExpiry], decision.Cancelled().Select(t => t.Kind).Order());
        Assert.Equal([TimerKind.StatusCheckIn], decision.AppliedState().Timers.Select(t => t.Kind));
    }

    [Fact]
    public void The_message_id_domain_comes_from_the_settings()
    {
        var settings = TestData.Settings with { MessageIdDomain = "mail.sam.example" };
        var driver = WorkflowDriver.Confirmed(settings: settings);
        driver.Fire(TimerKind.ThankYouDrafts).AppliedState();

        var state = driver.Approve(DraftKind.ThankYou, TestData.Ana.Email).AppliedState();

        Assert.EndsWith("@mail.sam.example>", state.Draft(DraftKind.ThankYou, TestData.Ana.Email).MessageId, StringComparison.Ordinal);
    }
}
