using FollowUpFlow.Core.Model;
using FollowUpFlow.Inbound.Understanding;
using FollowUpFlow.Testing;
using FollowUpFlow.Workflow.Inbound;
using FollowUpFlow.Workflow.Tests.Inbound.Support;
using FollowUpFlow.Workflow.Tests.Support;
using static FollowUpFlow.Workflow.Tests.Inbound.Support.InboundHarness;

namespace FollowUpFlow.Workflow.Tests.Inbound;

/// <summary>A calendar event's UID ties its versions to one interview; its SEQUENCE says which version is newer.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class CalendarTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Later = TestMail.Start.AddDays(2);

    [Fact]
    public async Task A_newer_version_of_the_event_moves_the_interview_and_an_older_one_changes_nothing()
    {
        await using var h = await CreateAsync(azurite);
        var created = await h.ReceiveAsync("invite v0", TestMail.Confirmation("v0@contoso.example").WithCalendar("uid-42", 0));
        var interviewId = created.InterviewId!;

        var moved = await h.ReceiveAsync("invite v1", TestMail.Confirmation("v1@contoso.example", start: Later).WithCalendar("uid-42", 1));
        var history = await h.HistoryCountAsync(interviewId);
        var stale = await h.ReceiveAsync("invite v0 again", TestMail.Confirmation("v0-forwarded-again@contoso.example").WithCalendar("uid-42", 0));
        var same = await h.ReceiveAsync("invite v1 again", TestMail.Confirmation("v1-forwarded-again@contoso.example", start: Later).WithCalendar("uid-42", 1));

        Assert.Equal((InboundStatus.Processed, interviewId), (moved.Status, moved.InterviewId));
        Assert.Equal((InboundStatus.Stale, interviewId), (stale.Status, stale.InterviewId));
        Assert.Equal((InboundStatus.Duplicate, interviewId), (same.Status, same.InterviewId));
        var state = (await h.Workflow.RecordAsync(interviewId)).State;
        Assert.Equal(Later, state.Details.Start);
        Assert.Equal(history, await h.HistoryCountAsync(interviewId));
        Assert.Single(await h.Workflow.Store.ListAsync(UserId, default).ToListAsync());
    }

    [Fact]
    public async Task The_same_sequence_with_another_time_is_stale()
    {
        await using var h = await CreateAsync(azurite);
        var created = await h.ReceiveAsync("invite", TestMail.Confirmation("a@contoso.example").WithCalendar("uid-7", 3));

        var conflicting = await h.ReceiveAsync("invite, other time", TestMail.Confirmation("b@contoso.example", start: Later).WithCalendar("uid-7", 3));

        Assert.Equal(InboundStatus.Stale, conflicting.Status);
        Assert.Equal(TestMail.Start, (await h.Workflow.RecordAsync(created.InterviewId!)).State.Details.Start);
    }

    [Fact]
    public async Task A_calendar_cancel_of_a_known_event_cancels_whatever_the_words_say()
    {
        await using var h = await CreateAsync(azurite);
        var created = await h.ReceiveAsync("invite", TestMail.Confirmation("c@contoso.example").WithCalendar("uid-9", 0));
        var cancel = TestMail.Email(TestMail.Understanding(EmailKind.Other, "cancel@contoso.example"), "Updated invitation").WithCalendar("uid-9", 1, "CANCEL");

        var result = await h.ReceiveAsync("cancel", cancel);

        Assert.Equal((InboundStatus.Processed, created.InterviewId, EmailKind.Cancellation), (result.Status, result.InterviewId, result.Kind));
        Assert.Equal(CloseReason.Cancelled, (await h.Workflow.RecordAsync(created.InterviewId!)).State.CloseReason);
    }

    [Fact]
    public async Task A_cancel_of_an_older_version_than_the_one_applied_is_stale()
    {
        await using var h = await CreateAsync(azurite);
        var created = await h.ReceiveAsync("invite v2", TestMail.Confirmation("v2@contoso.example").WithCalendar("uid-5", 2));
        var cancel = TestMail.Email(TestMail.Understanding(EmailKind.Cancellation, "old-cancel@contoso.example")).WithCalendar("uid-5", 1, "CANCEL");

        var result = await h.ReceiveAsync("old cancel", cancel);

        Assert.Equal(InboundStatus.Stale, result.Status);
        Assert.Equal(InterviewPhase.Scheduled, (await h.Workflow.RecordAsync(created.InterviewId!)).State.Phase);
    }
}
