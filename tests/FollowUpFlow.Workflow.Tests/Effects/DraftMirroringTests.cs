using FollowUpFlow.Core.Model;
using FollowUpFlow.Core.Workflow;
using FollowUpFlow.Workflow.Effects;

namespace FollowUpFlow.Workflow.Tests.Effects;

/// <summary>What the mailbox holds for a draft in each state, and which changes call for bringing it in line.</summary>
public sealed class DraftMirroringTests
{
    private static readonly WorkflowSettings Settings = new()
    {
        Candidate = new CandidateProfile("Alex Doe", "alex@example.com", "Alex", "Europe/London"),
        MessageIdDomain = "mail.example",
    };

    private static readonly Draft Waiting = new(
        "iv1-d1",
        DraftKind.ThankYou,
        new Person("Ana Silva", "ana@contoso.example"),
        "Thank you",
        "Body",
        DraftStatus.Pending,
        new DateTimeOffset(2026, 12, 8, 12, 0, 0, TimeSpan.Zero));

    public static TheoryData<DraftStatus> AllStatuses() => new(Enum.GetValues<DraftStatus>());

    [Fact]
    public void A_waiting_draft_is_kept_under_the_message_id_its_first_approval_will_use()
    {
        var plan = DraftMirroring.Plan(Waiting, Settings);

        Assert.Equal("<iv1-d1.1@mail.example>", plan.Keep);
        Assert.Empty(plan.Delete);
        Assert.False(plan.WaitForSend);
    }

    [Fact]
    public void A_refused_draft_is_kept_under_the_next_attempts_id_and_the_refused_attempts_draft_goes()
    {
        var plan = DraftMirroring.Plan(Waiting with { Status = DraftStatus.Failed, SendAttempts = 2 }, Settings);

        Assert.Equal("<iv1-d1.3@mail.example>", plan.Keep);
        Assert.Equal(["<iv1-d1.2@mail.example>"], plan.Delete);
    }

    [Fact]
    public void A_draft_being_sent_is_left_to_its_send()
    {
        var plan = DraftMirroring.Plan(Waiting with { Status = DraftStatus.Sending, SendAttempts = 1 }, Settings);

        Assert.True(plan.WaitForSend);
        Assert.Null(plan.Keep);
        Assert.Empty(plan.Delete);
    }

    [Theory]
    [InlineData(DraftStatus.Sent)]
    [InlineData(DraftStatus.Rejected)]
    [InlineData(DraftStatus.Expired)]
    [InlineData(DraftStatus.Withdrawn)]
    [InlineData(DraftStatus.Uncertain)]
    public void A_settled_draft_keeps_no_copy_and_any_copy_of_the_last_or_next_attempt_goes(DraftStatus status)
    {
        var plan = DraftMirroring.Plan(Waiting with { Status = status, SendAttempts = 1 }, Settings);

        Assert.Null(plan.Keep);
        Assert.False(plan.WaitForSend);
        Assert.Equal(["<iv1-d1.1@mail.example>", "<iv1-d1.2@mail.example>"], plan.Delete);
    }

    [Fact]
    public void A_draft_skipped_before_any_approval_has_only_its_first_ids_copy_to_delete()
    {
        Assert.Equal(["<iv1-d1.1@mail.example>"], DraftMirroring.Plan(Waiting with { Status = DraftStatus.Rejected }, Settings).Delete);
    }

    [Fact]
    public void The_copy_uses_the_id_the_approval_then_gives_the_draft()
    {
        Assert.Equal(DraftMirroring.Plan(Waiting, Settings).Keep, Waiting.MessageIdFor(1, Settings));
        Assert.Equal(Waiting.NextMessageId(Settings), Waiting.MessageIdFor(Waiting.SendAttempts + 1, Settings));
    }

    [Theory]
    [MemberData(nameof(AllStatuses))]
    public void Every_plan_deletes_only_ids_of_this_draft_and_never_the_one_it_keeps(DraftStatus status)
    {
        for (var attempts = 0; attempts < 4; attempts++)
        {
            var plan = DraftMirroring.Plan(Waiting with { Status = status, SendAttempts = attempts }, Settings);

            Assert.All(plan.Delete, id => Assert.StartsWith("<iv1-d1.", id, StringComparison.Ordinal));
            Assert.DoesNotContain(plan.Keep, plan.Delete);
            Assert.Equal(plan.Delete.Count, plan.Delete.Distinct().Count());
        }
    }

    [Fact]
    public void A_new_waiting_draft_needs_a_copy()
    {
        Assert.True(DraftMirroring.IsNeeded(null, Waiting));
    }

    [Theory]
    [InlineData(DraftStatus.Sending)]
    [InlineData(DraftStatus.Sent)]
    public void A_draft_on_its_way_out_needs_nothing(DraftStatus status)
    {
        Assert.False(DraftMirroring.IsNeeded(Waiting, Waiting with { Status = status, SendAttempts = 1 }));
    }

    [Theory]
    [InlineData(DraftStatus.Rejected)]
    [InlineData(DraftStatus.Expired)]
    [InlineData(DraftStatus.Withdrawn)]
    public void A_waiting_draft_that_ends_needs_its_copy_deleted(DraftStatus status)
    {
        Assert.True(DraftMirroring.IsNeeded(Waiting, Waiting with { Status = status }));
        Assert.True(DraftMirroring.IsNeeded(Waiting with { Status = DraftStatus.Failed, SendAttempts = 1 }, Waiting with { Status = status, SendAttempts = 1 }));
    }

    [Fact]
    public void A_send_that_ends_refused_or_uncertain_needs_its_attempts_draft_tidied()
    {
        var sending = Waiting with { Status = DraftStatus.Sending, SendAttempts = 1 };

        Assert.True(DraftMirroring.IsNeeded(sending, sending with { Status = DraftStatus.Failed }));
        Assert.True(DraftMirroring.IsNeeded(sending, sending with { Status = DraftStatus.Uncertain }));
    }

    [Fact]
    public void An_uncertain_draft_that_is_then_skipped_or_marked_sent_needs_nothing_more()
    {
        var uncertain = Waiting with { Status = DraftStatus.Uncertain, SendAttempts = 1 };

        Assert.False(DraftMirroring.IsNeeded(uncertain, uncertain with { Status = DraftStatus.Rejected }));
        Assert.False(DraftMirroring.IsNeeded(uncertain, uncertain with { Status = DraftStatus.Sent }));
    }

    [Fact]
    public void Only_changes_the_mailbox_copy_shows_call_for_it()
    {
        Assert.False(DraftMirroring.IsNeeded(Waiting, Waiting with { FailureReason = "noted" }));
        Assert.True(DraftMirroring.IsNeeded(Waiting, Waiting with { Subject = "Thanks again" }));
        Assert.True(DraftMirroring.IsNeeded(Waiting, Waiting with { Body = "Other body" }));
        Assert.True(DraftMirroring.IsNeeded(Waiting, Waiting with { To = new Person("Ana Silva", "ana.silva@contoso.example") }));
    }
}
