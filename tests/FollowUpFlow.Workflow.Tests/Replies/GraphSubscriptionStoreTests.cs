using FollowUpFlow.Testing;
using FollowUpFlow.Workflow.Replies;
using FollowUpFlow.Workflow.Tests.Support;

namespace FollowUpFlow.Workflow.Tests.Replies;

[Collection(AzuriteCollection.Name)]
public sealed class GraphSubscriptionStoreTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Now = new(2026, 12, 8, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_subscription_and_the_conversation_check_each_write_their_own_columns()
    {
        var table = azurite.CreateFactory().GetTableClient(AzuriteFixture.UniqueTableName());
        await table.CreateIfNotExistsAsync();
        var store = new GraphSubscriptionStore(table);
        Assert.Null(await store.GetAsync("u1", CancellationToken.None));

        // A check that runs before any subscription leaves no clientState behind to be trusted.
        await store.SaveConversationCheckAsync("u1", Now, CancellationToken.None);
        Assert.Equal(new GraphSubscriptionState(null, null, null, Now), await store.GetAsync("u1", CancellationToken.None));

        await store.SaveSubscriptionAsync("u1", "state-1", "sub-1", Now.AddDays(3), CancellationToken.None);
        await store.SaveConversationCheckAsync("u1", Now.AddHours(1), CancellationToken.None);
        await store.SaveSubscriptionAsync("u1", "state-1", "sub-2", Now.AddDays(4), CancellationToken.None);

        Assert.Equal(new GraphSubscriptionState("state-1", "sub-2", Now.AddDays(4), Now.AddHours(1)), await store.GetAsync("u1", CancellationToken.None));
        Assert.Null(await store.GetAsync("u2", CancellationToken.None));
    }

    [Fact]
    public void A_new_client_state_is_random_url_safe_and_within_graphs_128_characters()
    {
        var first = GraphSubscriptionStore.NewClientState();

        Assert.NotEqual(first, GraphSubscriptionStore.NewClientState());
        Assert.Matches("^[A-Za-z0-9_-]{43}$", first);
    }
}
