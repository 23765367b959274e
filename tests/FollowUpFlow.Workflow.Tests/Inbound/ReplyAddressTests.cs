using System.Text;
using FollowUpFlow.Core.Events;
using FollowUpFlow.Core.Model;
using FollowUpFlow.Inbound;
using FollowUpFlow.Mail;
using FollowUpFlow.Testing;
using FollowUpFlow.Workflow.Inbound;
using FollowUpFlow.Workflow.Tests.Inbound.Support;
using FollowUpFlow.Workflow.Tests.Support;
using static FollowUpFlow.Workflow.Tests.Inbound.Support.InboundHarness;

namespace FollowUpFlow.Workflow.Tests.Inbound;

/// <summary>A reply sent to a message's own reply address (as SendGrid sends them) is stored with the interview of the draft it answers.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ReplyAddressTests(AzuriteFixture azurite)
{
    private const string Domain = "replies.followupflow.example";
    private static readonly ReplyAddresses Addresses = new(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray(), Domain);
    private static readonly ParseOptions Options = new() { CandidateAddresses = ["alex@example.com"], CandidateTimeZone = "Europe/London" };
    private static readonly Person Ana = new("Ana Silva", "ana@contoso.example");

    [Fact]
    public async Task A_reply_to_a_drafts_own_address_is_stored_with_its_interview_once()
    {
        await using var h = await CreateAsync(azurite, replyAddresses: Addresses);
        var messageId = await SendThankYouToAnaAsync(h);
        var raw = Reply(Addresses.TokenFor(messageId), "reply-1@contoso.example");

        var first = await h.ReceiveAsync(raw, Parse(raw));
        var second = await h.ReceiveAsync(raw, Parse(raw));

        Assert.Equal(InboundStatus.Processed, first.Status);
        Assert.Equal("iv1", first.InterviewId);
        Assert.Contains("Reply to iv1-d", first.Reason, StringComparison.Ordinal);
        Assert.Equal(InboundStatus.Duplicate, second.Status);
        var record = await h.Workflow.RecordAsync("iv1");
        var reply = Assert.Single(record.State.Replies);
        Assert.Equal("Ana Silva <ana@contoso.example>", reply.From);
        Assert.Equal("Re: Thank you", reply.Subject);
        Assert.Single(await h.Workflow.Store.GetHistoryAsync(UserId, "iv1", default), e => e.Event is ReplyReceived);
    }

    [Fact]
    public async Task A_made_up_token_is_no_reply_of_ours()
    {
        await using var h = await CreateAsync(azurite, replyAddresses: Addresses);
        var messageId = await SendThankYouToAnaAsync(h);
        var otherKey = new ReplyAddresses(Enumerable.Range(2, 32).Select(i => (byte)i).ToArray(), Domain);
        var raw = Reply(otherKey.TokenFor(messageId), "reply-2@contoso.example");

        var result = await h.ReceiveAsync(raw, Parse(raw));

        Assert.NotEqual(InboundStatus.Processed, result.Status);
        Assert.Empty((await h.Workflow.RecordAsync("iv1")).State.Replies);
    }

    /// <summary>An interview that ended three hours ago, and its thank-you to Ana approved and sent (file outbox).</summary>
    private static async Task<string> SendThankYouToAnaAsync(InboundHarness h)
    {
        var created = await h.Engine.ApplyAsync(UserId, "iv1", new ConfirmationReceived("iv1", WorkflowHarness.Details(h.Workflow.Time.GetUtcNow().AddHours(-4), Ana)), null, default);
        var draft = created.State!.Drafts.Single(d => d.Kind == DraftKind.ThankYou);
        var sent = await h.Engine.ApplyAsync(UserId, "iv1", new DraftApproved(draft.Id), null, default);
        var done = sent.State!.FindDraft(draft.Id)!;
        Assert.Equal(DraftStatus.Sent, done.Status);
        return done.MessageId!;
    }

    private static string Reply(string token, string messageId) =>
        "From: Ana Silva <ana@contoso.example>\r\n"
        + $"To: Alex Morgan <reply+{token}@{Domain}>\r\n"
        + "Subject: Re: Thank you\r\n"
        + "Date: Wed, 09 Dec 2026 09:30:00 +0000\r\n"
        + $"Message-ID: <{messageId}>\r\n"
        + "Content-Type: text/plain; charset=utf-8\r\n\r\n"
        + "Thanks Alex, it was great talking to you. One note: go deeper on system design next time.\r\n";

    private static ParsedEmail Parse(string raw) => InboundParser.Parse(Encoding.UTF8.GetBytes(raw), Options);
}
