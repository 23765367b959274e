using System.Text;
using FollowUpFlow.Core.Events;
using FollowUpFlow.Core.Workflow;
using FollowUpFlow.Inbound.Understanding;
using FollowUpFlow.Testing;
using FollowUpFlow.Workflow.Inbound;
using FollowUpFlow.Workflow.Tests.Inbound.Support;
using FollowUpFlow.Workflow.Tests.Support;
using static FollowUpFlow.Workflow.Tests.Inbound.Support.InboundHarness;

namespace FollowUpFlow.Workflow.Tests.Inbound;

/// <summary>A message that arrives twice (a retry, a second forward) changes nothing the second time; a retry after a crash converges.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class DeduplicationTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task The_same_message_twice_changes_nothing_the_second_time()
    {
        await using var h = await CreateAsync(azurite);
        var email = TestMail.Confirmation("confirm-1@contoso.example");

        var first = await h.ReceiveAsync("confirmation 1", email);
        var second = await h.ReceiveAsync("confirmation 1", email);

        Assert.Equal(InboundStatus.Processed, first.Status);
        Assert.Equal(InboundStatus.Duplicate, second.Status);
        Assert.Equal(first.InterviewId, second.InterviewId);
        Assert.Equal(EmailKind.Confirmation, second.Kind);
        Assert.Contains(first.PayloadId, second.Reason, StringComparison.Ordinal);
        Assert.Equal(1, await h.HistoryCountAsync(first.InterviewId!));
        Assert.Single(await h.Workflow.Store.ListAsync(UserId, default).ToListAsync());
        Assert.Equal(2, (await h.Store.ListPayloadsAsync(UserId, 10, default)).Count);
    }

    [Fact]
    public async Task The_same_message_id_in_other_bytes_is_still_the_same_message()
    {
        await using var h = await CreateAsync(azurite);

        var first = await h.ReceiveAsync("forwarded from the phone", TestMail.Confirmation("same-id@contoso.example"));
        var second = await h.ReceiveAsync("forwarded from the laptop", TestMail.Confirmation("same-id@contoso.example"));

        Assert.Equal(InboundStatus.Duplicate, second.Status);
        Assert.Equal(first.InterviewId, second.InterviewId);
    }

    [Fact]
    public async Task A_message_without_a_message_id_is_deduplicated_by_its_bytes()
    {
        await using var h = await CreateAsync(azurite);
        var anonymous = TestMail.Confirmation("unused").WithUnderstanding(u => u with { References = u.References with { MessageId = null } });
        anonymous = anonymous with { Message = new FollowUpFlow.Inbound.Mime.MimeMessage { Headers = anonymous.Message.Headers, Body = anonymous.Message.Body } };

        var first = await h.ReceiveAsync("no id, first text", anonymous);
        var again = await h.ReceiveAsync("no id, first text", anonymous);
        var other = await h.ReceiveAsync("no id, other text", anonymous);

        Assert.Equal(InboundStatus.Duplicate, again.Status);
        Assert.Equal(InboundStatus.Processed, other.Status);
        Assert.NotEqual(first.InterviewId, other.InterviewId);
    }

    [Fact]
    public async Task A_retry_after_a_crash_between_the_interview_and_its_index_converges_on_that_interview()
    {
        await using var h = await CreateAsync(azurite);
        var raw = "confirmation with a crash";
        var email = TestMail.Confirmation("crash@contoso.example").WithCalendar("event-crash", 0);
        // The first try got as far as the engine's write, then the process died: the interview exists, nothing else does.
        var interviewId = InboundKeys.InterviewFor(InboundKeys.DedupeKey("crash@contoso.example", Encoding.UTF8.GetBytes(raw)));
        var details = ConfirmationDetails.From(email.Understanding, "Europe/London", ["alex@example.com"]).Details!;
        Assert.Equal(DecisionKind.Applied, (await h.Engine.ApplyAsync(UserId, interviewId, new ConfirmationReceived(interviewId, details), null, default)).Kind);

        var retry = await h.ReceiveAsync(raw, email);
        var historyAfterRetry = await h.HistoryCountAsync(interviewId);
        var update = await h.ReceiveAsync("update", TestMail.Email(
            TestMail.Understanding(EmailKind.Reschedule, "update@contoso.example", start: TestMail.Start.AddDays(1))).WithCalendar("event-crash", 1));

        Assert.Equal((InboundStatus.Processed, interviewId), (retry.Status, retry.InterviewId));
        Assert.Equal(1, historyAfterRetry);
        Assert.Equal((InboundStatus.Processed, interviewId), (update.Status, update.InterviewId));
        Assert.Single(await h.Workflow.Store.ListAsync(UserId, default).ToListAsync());
    }
}
