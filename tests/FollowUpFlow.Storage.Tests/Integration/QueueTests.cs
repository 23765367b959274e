using FollowUpFlow.Storage.Queues;
using FollowUpFlow.Testing;

namespace FollowUpFlow.Storage.Tests.Integration;

[Collection(AzuriteFixture.CollectionName)]
public sealed class QueueTests(AzuriteFixture storage)
{
    // Generous bound for waiting on visibility: the test polls, it never asserts elapsed time.
    private static readonly TimeSpan PollBound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Put_receive_and_delete_a_message()
    {
        var queue = await storage.CreateQueueAsync();
        const string text = "research: who got the role? <ünïcødé & 🎉>";

        var receipt = await queue.SendMessageAsync(text);
        var message = Assert.Single(await queue.ReceiveMessagesAsync(5, TimeSpan.FromSeconds(30)));

        Assert.Equal(receipt.MessageId, message.MessageId);
        Assert.Equal(text, message.Text);
        Assert.Equal(1, message.DequeueCount);
        Assert.True(message.NextVisibleOn > message.InsertedOn);
        Assert.True(message.ExpiresOn > message.InsertedOn);
        Assert.Empty(await queue.ReceiveMessagesAsync(5, TimeSpan.FromSeconds(30)));

        Assert.True(await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt));
        Assert.False(await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt));
        Assert.Empty(await queue.PeekMessagesAsync(32));
    }

    [Fact]
    public async Task A_received_message_reappears_after_its_visibility_timeout()
    {
        var queue = await storage.CreateQueueAsync();
        await queue.SendMessageAsync("retry me");

        var first = Assert.Single(await queue.ReceiveMessagesAsync(1, TimeSpan.FromSeconds(1)));
        var again = await PollUntilReceivedAsync(queue);

        Assert.Equal(first.MessageId, again.MessageId);
        Assert.Equal("retry me", again.Text);
        Assert.Equal(2, again.DequeueCount);
        Assert.NotEqual(first.PopReceipt, again.PopReceipt);

        // The first receive's pop receipt no longer owns the message.
        var ex = await Assert.ThrowsAnyAsync<StorageRequestException>(() => queue.DeleteMessageAsync(first.MessageId, first.PopReceipt));
        Assert.True(ex.Kind is StorageErrorKind.PreconditionFailed or StorageErrorKind.NotFound, $"unexpected kind {ex.Kind} ({ex.ErrorCode})");
        Assert.True(await queue.DeleteMessageAsync(again.MessageId, again.PopReceipt));
    }

    [Fact]
    public async Task A_message_put_with_an_initial_visibility_timeout_stays_hidden_until_then()
    {
        var queue = await storage.CreateQueueAsync();
        var receipt = await queue.SendMessageAsync("later", visibilityTimeout: TimeSpan.FromSeconds(2));

        // Until then neither peek nor receive sees it. Same machine, same clock: whenever our call returned before
        // the reported (second-truncated, so early) NextVisibleOn, the service must have answered while it was hidden.
        // A very slow machine may skip the check; it never makes the test fail spuriously.
        Assert.True(receipt.NextVisibleOn > receipt.InsertedOn);
        var peeked = await queue.PeekMessagesAsync(32);
        var received = await queue.ReceiveMessagesAsync(32, TimeSpan.FromSeconds(30));
        if (DateTimeOffset.UtcNow < receipt.NextVisibleOn)
        {
            Assert.Empty(peeked);
            Assert.Empty(received);
        }
        else if (received.Count == 1)
        {
            Assert.Equal(receipt.MessageId, received[0].MessageId);
            return;
        }

        var message = await PollUntilReceivedAsync(queue);
        Assert.Equal(receipt.MessageId, message.MessageId);
        Assert.Equal("later", message.Text);
    }

    [Fact]
    public async Task Peek_does_not_hide_and_clear_removes_everything()
    {
        var queue = await storage.CreateQueueAsync();
        for (var i = 0; i < 3; i++)
        {
            await queue.SendMessageAsync($"m{i}", timeToLive: Timeout.InfiniteTimeSpan);
        }

        var peeked = await queue.PeekMessagesAsync(32);
        Assert.Equal(["m0", "m1", "m2"], peeked.Select(m => m.Text).Order());
        Assert.All(peeked, m => Assert.Equal(0, m.DequeueCount));
        Assert.Equal(3, (await queue.PeekMessagesAsync(32)).Count);

        await queue.ClearMessagesAsync();
        Assert.Empty(await queue.PeekMessagesAsync(32));
    }

    [Fact]
    public async Task Queues_are_created_once_deleted_and_missing_queues_are_not_found()
    {
        var client = storage.CreateFactory().GetQueueClient(AzuriteFixture.UniqueQueueName());
        Assert.True(await client.CreateIfNotExistsAsync());
        Assert.False(await client.CreateIfNotExistsAsync());
        Assert.True(await client.DeleteAsync());
        Assert.False(await client.DeleteAsync());

        var ex = await Assert.ThrowsAsync<StorageRequestException>(() => client.SendMessageAsync("x"));
        Assert.Equal(StorageErrorKind.NotFound, ex.Kind);
        Assert.Equal("QueueNotFound", ex.ErrorCode);
    }

    [Fact]
    public async Task Oversized_messages_and_bad_arguments_are_refused_before_sending()
    {
        var queue = storage.CreateFactory().GetQueueClient(AzuriteFixture.UniqueQueueName());
        var tooLarge = await Assert.ThrowsAsync<PayloadTooLargeException>(() => queue.SendMessageAsync(new string('x', 50_000)));
        Assert.Equal(QueueClient.MaxMessageBytes, tooLarge.MaxSize);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => queue.ReceiveMessagesAsync(33, TimeSpan.FromSeconds(1)));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => queue.ReceiveMessagesAsync(1, TimeSpan.Zero));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => queue.SendMessageAsync("x", TimeSpan.FromDays(8)));
        Assert.Throws<ArgumentException>(() => storage.CreateFactory().GetQueueClient("Bad_Name"));
    }

    private static async Task<QueueMessage> PollUntilReceivedAsync(QueueClient queue)
    {
        using var bound = new CancellationTokenSource(PollBound);
        while (true)
        {
            var messages = await queue.ReceiveMessagesAsync(1, TimeSpan.FromSeconds(30), bound.Token);
            if (messages.Count > 0)
            {
                return messages[0];
            }

            await Task.Delay(200, bound.Token);
        }
    }
}
