using System.Security.Cryptography;
using System.Text;
using FollowUpFlow.Inbound.Mime;
using FollowUpFlow.Testing;
using FollowUpFlow.Workflow.Inbound;
using FollowUpFlow.Workflow.Tests.Inbound.Support;
using FollowUpFlow.Workflow.Tests.Support;
using static FollowUpFlow.Workflow.Tests.Inbound.Support.InboundHarness;

namespace FollowUpFlow.Workflow.Tests.Inbound;

/// <summary>Every payload is stored whole before anything reads it, and stays stored whatever happens next.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class PayloadStorageTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_payload_whose_reading_throws_stays_stored_as_failed_with_the_error()
    {
        await using var h = await CreateAsync(azurite);
        h.Parser.Failure = new InvalidOperationException("the reader tripped over part 3");
        var raw = Encoding.UTF8.GetBytes("Message-ID: <x@example.com>\r\n\r\nHello");

        var result = await h.Processor.ProcessAsync(UserId, raw, InboundSource.Raw, default);

        Assert.Equal(InboundStatus.Failed, result.Status);
        var stored = await h.Store.GetPayloadAsync(UserId, result.PayloadId, default);
        Assert.Equal(InboundStatus.Failed, stored!.Status);
        Assert.Contains("the reader tripped over part 3", stored.Reason, StringComparison.Ordinal);
        Assert.Equal(raw, await h.Store.ReadBytesAsync(UserId, result.PayloadId, default));
    }

    [Fact]
    public async Task A_process_that_dies_while_reading_leaves_the_payload_stored_and_listed()
    {
        await using var h = await CreateAsync(azurite);
        // The process ending mid-read: nothing after the read runs, not even the failure record.
        h.Parser.Failure = new OperationCanceledException("process stopped");
        var raw = Encoding.UTF8.GetBytes("Message-ID: <y@example.com>\r\n\r\nHello");

        await Assert.ThrowsAsync<OperationCanceledException>(() => h.Processor.ProcessAsync(UserId, raw, InboundSource.Cli, default));

        var listed = Assert.Single(await h.Store.ListPayloadsAsync(UserId, 10, default));
        Assert.Equal(InboundStatus.Received, listed.Status);
        Assert.Equal("cli", listed.Source);
        Assert.Equal(raw, await h.Store.ReadBytesAsync(UserId, listed.PayloadId, default));
    }

    [Fact]
    public async Task A_large_payload_is_split_across_rows_and_read_back_whole()
    {
        await using var h = await CreateAsync(azurite);
        var raw = RandomNumberGenerator.GetBytes(1_300_000);

        var result = await h.Processor.ProcessAsync(UserId, raw, InboundSource.Raw, default);

        var stored = await h.Store.GetPayloadAsync(UserId, result.PayloadId, default);
        Assert.Equal(raw.Length, stored!.ByteSize);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(raw)), stored.Sha256);
        Assert.Equal(raw, await h.Store.ReadBytesAsync(UserId, result.PayloadId, default));
        Assert.Single(await h.Store.ListPayloadsAsync(UserId, 10, default));
    }

    [Fact]
    public async Task Payloads_are_listed_newest_first()
    {
        await using var h = await CreateAsync(azurite);
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await h.Processor.ProcessAsync(UserId, Encoding.UTF8.GetBytes($"payload {i}"), InboundSource.Raw, default)).PayloadId);
            h.Workflow.Time.Advance(TimeSpan.FromSeconds(1));
        }

        var listed = await h.Store.ListPayloadsAsync(UserId, 2, default);

        Assert.Equal([ids[2], ids[1]], listed.Select(p => p.PayloadId));
    }

    [Fact]
    public async Task A_payload_refused_at_the_door_is_stored_with_its_reason_and_never_read()
    {
        await using var h = await CreateAsync(azurite);
        var payload = new InboundPayload(new byte[1000], InboundSource.Raw)
        {
            Truncated = true,
            DeclaredLength = 5000,
            Refusal = new InboundRefusal(InboundRefusalKind.TooLarge, "The body is over 1000 bytes."),
        };

        var result = await h.Processor.ProcessAsync(UserId, payload, default);

        Assert.Equal((InboundStatus.Refused, InboundRefusalKind.TooLarge), (result.Status, result.Refusal));
        var stored = await h.Store.GetPayloadAsync(UserId, result.PayloadId, default);
        Assert.True(stored!.Truncated);
        Assert.Equal((1000L, 5000L), (stored.ByteSize, stored.DeclaredLength!.Value));
        Assert.Equal("The body is over 1000 bytes.", stored.Reason);
        Assert.Equal(0, h.Parser.Calls);
    }

    [Fact]
    public async Task Bytes_that_are_not_an_email_are_refused_as_such()
    {
        await using var h = await CreateAsync(azurite);

        var result = await h.Processor.ProcessAsync(UserId, Encoding.UTF8.GetBytes("%PDF-1.7 binary"), InboundSource.Raw, default);

        Assert.Equal((InboundStatus.Refused, InboundRefusalKind.NotAnEmail), (result.Status, result.Refusal));
        Assert.StartsWith("not an email: ", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_message_over_a_reading_limit_is_refused_naming_the_limit()
    {
        await using var h = await CreateAsync(azurite);
        var email = TestMail.Confirmation("deep@example.com");
        email = email with { Message = new MimeMessage { Headers = email.Message.Headers, Body = email.Message.Body, LimitExceeded = "MaxDepth (16) exceeded: multiparts nest deeper" } };

        var result = await h.ReceiveAsync("deep", email);

        Assert.Equal((InboundStatus.Refused, InboundRefusalKind.TooLarge), (result.Status, result.Refusal));
        Assert.Contains("MaxDepth", result.Reason, StringComparison.Ordinal);
        Assert.Empty(await h.Workflow.Store.ListAsync(UserId, default).ToListAsync());
    }
}
