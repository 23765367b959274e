using Azure;
using FollowUpFlow.Storage.Tables;
using FollowUpFlow.Testing;

namespace FollowUpFlow.Storage.Tests.Integration;

[Collection(AzuriteFixture.CollectionName)]
public sealed class TableTransactionTests(AzuriteFixture storage)
{
    [Fact]
    public async Task Every_action_type_applies_and_returns_new_etags()
    {
        var table = await storage.CreateTableAsync();
        var mergeEtag = await table.AddEntityAsync(new TableEntity("p", "merge") { ["Keep"] = 1, ["V"] = 1 });
        var replaceEtag = await table.AddEntityAsync(new TableEntity("p", "replace") { ["Drop"] = 1 });
        await table.AddEntityAsync(new TableEntity("p", "upsertmerge") { ["Keep"] = 1 });
        await table.AddEntityAsync(new TableEntity("p", "upsertreplace") { ["Drop"] = 1 });
        var deleteEtag = await table.AddEntityAsync(new TableEntity("p", "delete"));

        var result = await table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity("p", "add") { ["V"] = 1 }),
            new(TableTransactionActionType.UpdateMerge, new TableEntity("p", "merge") { ["V"] = 2 }, mergeEtag),
            new(TableTransactionActionType.UpdateReplace, new TableEntity("p", "replace") { ["V"] = 2 }, replaceEtag),
            new(TableTransactionActionType.UpsertMerge, new TableEntity("p", "upsertmerge") { ["V"] = 2 }),
            new(TableTransactionActionType.UpsertReplace, new TableEntity("p", "upsertreplace") { ["V"] = 2 }),
            new(TableTransactionActionType.Delete, new TableEntity("p", "delete"), deleteEtag),
        ]);

        Assert.Equal(6, result.ETags.Count);
        Assert.All(result.ETags.Take(5), e => Assert.NotEqual(default, e));
        Assert.Equal(result.ETags[1], (await table.GetEntityAsync("p", "merge")).ETag);

        var merged = await table.GetEntityAsync("p", "merge");
        Assert.Equal((1, 2), (merged.GetInt32("Keep"), merged.GetInt32("V")));
        Assert.False((await table.GetEntityAsync("p", "replace")).ContainsKey("Drop"));
        Assert.Equal(1, (await table.GetEntityAsync("p", "upsertmerge")).GetInt32("Keep"));
        Assert.False((await table.GetEntityAsync("p", "upsertreplace")).ContainsKey("Drop"));
        Assert.Null(await table.GetEntityIfExistsAsync("p", "delete"));
        Assert.Equal(1, (await table.GetEntityAsync("p", "add")).GetInt32("V"));
    }

    [Fact]
    public async Task One_bad_action_fails_the_whole_batch_and_nothing_is_written()
    {
        var table = await storage.CreateTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "exists") { ["V"] = "original" });

        var ex = await Assert.ThrowsAsync<TableTransactionFailedException>(() => table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity("p", "new1")),
            new(TableTransactionActionType.UpsertReplace, new TableEntity("p", "new2")),
            new(TableTransactionActionType.Add, new TableEntity("p", "exists") { ["V"] = "overwritten" }),
            new(TableTransactionActionType.Add, new TableEntity("p", "new3")),
        ]));

        Assert.Equal(2, ex.FailedActionIndex);
        Assert.Equal("exists", ex.FailedAction!.Entity.RowKey);
        Assert.Equal(StorageErrorKind.Conflict, ex.Kind);
        Assert.Equal("EntityAlreadyExists", ex.ErrorCode);
        Assert.Contains("action 2", ex.Message, StringComparison.Ordinal);

        var rows = await table.QueryAsync().ToListAsync();
        Assert.Equal("original", Assert.Single(rows).GetString("V"));
    }

    [Fact]
    public async Task A_stale_etag_in_a_batch_fails_it_with_precondition_failed()
    {
        var table = await storage.CreateTableAsync();
        var stale = await table.AddEntityAsync(new TableEntity("p", "r") { ["V"] = 1 });
        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["V"] = 2 });

        var ex = await Assert.ThrowsAsync<TableTransactionFailedException>(() => table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity("p", "other")),
            new(TableTransactionActionType.UpdateReplace, new TableEntity("p", "r") { ["V"] = 3 }, stale),
        ]));

        Assert.Equal(1, ex.FailedActionIndex);
        Assert.Equal(StorageErrorKind.PreconditionFailed, ex.Kind);
        Assert.Null(await table.GetEntityIfExistsAsync("p", "other"));
        Assert.Equal(2, (await table.GetEntityAsync("p", "r")).GetInt32("V"));
    }

    [Fact]
    public async Task Invalid_batches_are_refused_before_sending()
    {
        var table = storage.CreateFactory().GetTableClient(AzuriteFixture.UniqueTableName());

        await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync([]));
        await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync(
            Enumerable.Range(0, 101).Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", $"r{i}")))));
        var mixed = await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity("p1", "r")),
            new(TableTransactionActionType.Add, new TableEntity("p2", "r")),
        ]));
        Assert.Contains("one partition", mixed.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity("p", "same")),
            new(TableTransactionActionType.UpsertMerge, new TableEntity("p", "same")),
        ]));
        await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync(
            [new(TableTransactionActionType.UpdateMerge, new TableEntity("p", "no-etag"))]));
        await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync(
            [new(TableTransactionActionType.Delete, new TableEntity("p", "bad/key"), ETag.All)]));
        await Assert.ThrowsAsync<PayloadTooLargeException>(() => table.SubmitTransactionAsync(
            Enumerable.Range(0, 5).Select(i => new TableTransactionAction(TableTransactionActionType.Add, LargeEntity($"r{i}")))));
    }

    private static TableEntity LargeEntity(string rowKey)
    {
        // About 0.9 MiB as the service counts it; five of them exceed the 4 MiB batch body.
        var entity = new TableEntity("p", rowKey);
        for (var i = 0; i < 14; i++)
        {
            entity[$"B{i}"] = new byte[64 * 1024];
        }

        return entity;
    }
}
