using FollowUpFlow.Core.Model;
using FollowUpFlow.Core.Workflow;
using FollowUpFlow.Workflow.Effects;

namespace FollowUpFlow.Workflow.Tests.Effects;

/// <summary>When the mailbox holds a copy of a draft, under which id, and which changes call for bringing it in line.</summary>
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
    public void The_copy_has_an_id_of_its_own_that_no_send_attempt_uses()
    {
        var copy = DraftMirroring.CopyMessageId(Waiting, Settings);

        Assert.Equal("<iv1-d1.copy@mail.example>", copy);
        for (var attempts = 0; attempts < 10; attempts++)
        {
            Assert.NotEqual((Waiting with { SendAttempts = attempts }).NextMessageId(Settings), copy);
        }

        Assert.Equal(copy, DraftMirroring.CopyMessageId(Waiting with { SendAttempts = 3, Status = DraftStatus.Failed }, Settings));
    }

    [Theory]
    [MemberData(nameof(AllStatuses))]
    public void A_copy_is_kept_exactly_while_the_draft_can_be_approved_to_send(DraftStatus status)
    {
        var approvable = status is DraftStatus.Pending or DraftStatus.Failed;

        Assert.Equal(approvable, DraftMirroring.KeepsCopy(Waiting with { Status = status }));
    }

    [Fact]
    public void A_new_waiting_draft_needs_a_copy()
    {
        Assert.True(DraftMirroring.IsNeeded(null, Waiting));
        Assert.False(DraftMirroring.IsNeeded(null, Waiting with { Status = DraftStatus.Sent }));
    }

    [Theory]
    [InlineData(DraftStatus.Sending)]
    [InlineData(DraftStatus.Rejected)]
    [InlineData(DraftStatus.Expired)]
    [InlineData(DraftStatus.Withdrawn)]
    public void A_waiting_draft_that_is_approved_or_ends_needs_its_copy_deleted(DraftStatus status)
    {
        Assert.True(DraftMirroring.IsNeeded(Waiting, Waiting with { Status = status }));
        Assert.True(DraftMirroring.IsNeeded(Waiting with { Status = DraftStatus.Failed, SendAttempts = 1 }, Waiting with { Status = status, SendAttempts = 1 }));
    }

    [Fact]
    public void A_refused_send_needs_the_copy_back_and_a_finished_one_needs_nothing()
    {
        var sending = Waiting with { Status = DraftStatus.Sending, SendAttempts = 1 };

        Assert.True(DraftMirroring.IsNeeded(sending, sending with { Status = DraftStatus.Failed }));
        Assert.False(DraftMirroring.IsNeeded(sending, sending with { Status = DraftStatus.Sent }));
        Assert.False(DraftMirroring.IsNeeded(sending, sending with { Status = DraftStatus.Uncertain }));
        Assert.False(DraftMirroring.IsNeeded(sending with { Status = DraftStatus.Uncertain }, sending with { Status = DraftStatus.Rejected }));
    }

    [Fact]
    public void Only_changes_the_copy_shows_call_for_it()
    {
        Assert.False(DraftMirroring.IsNeeded(Waiting, Waiting with { FailureReason = "noted", Edited = true }));
        Assert.False(DraftMirroring.IsNeeded(Waiting, Waiting with { Status = DraftStatus.Failed, SendAttempts = 1 }));
        Assert.True(DraftMirroring.IsNeeded(Waiting, Waiting with { Subject = "Thanks again" }));
        Assert.True(DraftMirroring.IsNeeded(Waiting, Waiting with { Body = "Other body" }));
        Assert.True(DraftMirroring.IsNeeded(Waiting, Waiting with { To = new Person("Ana Silva", "ana.silva@contoso.example") }));
        Assert.True(DraftMirroring.IsNeeded(Waiting, Waiting with { InReplyTo = "<request@mail.example>" }));
    }

    [Theory]
    [MemberData(nameof(AllStatuses))]
    public void Two_drafts_without_a_copy_look_the_same_in_the_mailbox_whatever_their_text(DraftStatus status)
    {
        var a = Waiting with { Status = status };
        var b = a with { Subject = "Other", Body = "Other" };

        Assert.Equal(!DraftMirroring.KeepsCopy(a), DraftMirroring.SameInMailbox(a, b));
    }
}
