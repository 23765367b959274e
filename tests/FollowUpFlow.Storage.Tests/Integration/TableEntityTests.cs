using Azure;
using FollowUpFlow.Storage.Tables;
using FollowUpFlow.Testing;

namespace FollowUpFlow.Storage.Tests.Integration;

[Collection(AzuriteFixture.CollectionName)]
public sealed class TableEntityTests(AzuriteFixture storage)
{
    [Fact]
    public async Task Insert_then_point_read_returns_the_entity_with_etag_and_timestamp()
    {
        var table = await storage.CreateTableAsync();
        var etag = await table.AddEntityAsync(new TableEntity("user1", "interview1") { ["Company"] = "Contoso", ["Round"] = 2 });

        var read = await table.GetEntityAsync("user1", "interview1");

        Assert.NotEqual(default, etag);
        Assert.Equal(etag, read.ETag);
        Assert.NotNull(read.Timestamp);
        Assert.Equal("Contoso", read.GetString("Company"));
        Assert.Equal(2, read.GetInt32("Round"));
    }

    [Fact]
    public async Task Merge_keeps_other_properties_and_replace_drops_them()
    {
        var table = await storage.CreateTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "r") { ["A"] = "a", ["B"] = "b" });

        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["B"] = "b2", ["C"] = "c" }, TableUpdateMode.Merge);
        var merged = await table.GetEntityAsync("p", "r");
        Assert.Equal(("a", "b2", "c"), (merged.GetString("A"), merged.GetString("B"), merged.GetString("C")));

        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["D"] = "d" }, TableUpdateMode.Replace);
        var replaced = await table.GetEntityAsync("p", "r");
        Assert.Equal(1, replaced.Count);
        Assert.Equal("d", replaced.GetString("D"));
    }

    [Fact]
    public async Task Upsert_inserts_when_missing()
    {
        var table = await storage.CreateTableAsync();
        await table.UpsertEntityAsync(new TableEntity("p", "new") { ["X"] = 1 });
        Assert.Equal(1, (await table.GetEntityAsync("p", "new")).GetInt32("X"));
    }

    [Fact]
    public async Task Update_with_the_current_etag_succeeds_and_a_stale_etag_fails_with_412()
    {
        var table = await storage.CreateTableAsync();
        var first = await table.AddEntityAsync(new TableEntity("p", "r") { ["State"] = "Scheduled" });

        var second = await table.UpdateEntityAsync(new TableEntity("p", "r") { ["State"] = "Done" }, first, TableUpdateMode.Replace);
        Assert.NotEqual(first, second);

        var ex = await Assert.ThrowsAsync<StorageRequestException>(
            () => table.UpdateEntityAsync(new TableEntity("p", "r") { ["State"] = "Lost update" }, first, TableUpdateMode.Merge));
        Assert.Equal(412, ex.Status);
        Assert.Equal(StorageErrorKind.PreconditionFailed, ex.Kind);
        Assert.Equal("UpdateConditionNotSatisfied", ex.ErrorCode);
        Assert.Equal("Done", (await table.GetEntityAsync("p", "r")).GetString("State"));

        // ETag.All overrides the check.
        await table.UpdateEntityAsync(new TableEntity("p", "r") { ["State"] = "Forced" }, ETag.All);
        Assert.Equal("Forced", (await table.GetEntityAsync("p", "r")).GetString("State"));
    }

    [Fact]
    public async Task Update_of_a_missing_entity_is_not_found()
    {
        var table = await storage.CreateTableAsync();
        var ex = await Assert.ThrowsAsync<StorageRequestException>(() => table.UpdateEntityAsync(new TableEntity("p", "none"), ETag.All));
        Assert.Equal(StorageErrorKind.NotFound, ex.Kind);
    }

    [Fact]
    public async Task Duplicate_insert_is_a_conflict()
    {
        var table = await storage.CreateTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "r"));

        var ex = await Assert.ThrowsAsync<StorageRequestException>(() => table.AddEntityAsync(new TableEntity("p", "r")));

        Assert.Equal(409, ex.Status);
        Assert.Equal(StorageErrorKind.Conflict, ex.Kind);
        Assert.Equal("EntityAlreadyExists", ex.ErrorCode);
        Assert.Contains(table.Name, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("AccountKey", ex.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Delete_honours_etags_and_reports_missing_entities()
    {
        var table = await storage.CreateTableAsync();
        var etag = await table.AddEntityAsync(new TableEntity("p", "r"));
        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["Changed"] = true });

        var stale = await Assert.ThrowsAsync<StorageRequestException>(() => table.DeleteEntityAsync("p", "r", etag));
        Assert.Equal(StorageErrorKind.PreconditionFailed, stale.Kind);

        Assert.True(await table.DeleteEntityAsync("p", "r"));
        Assert.False(await table.DeleteEntityAsync("p", "r"));
        Assert.Null(await table.GetEntityIfExistsAsync("p", "r"));
        var missing = await Assert.ThrowsAsync<StorageRequestException>(() => table.GetEntityAsync("p", "r"));
        Assert.Equal(StorageErrorKind.NotFound, missing.Kind);
        Assert.Equal(404, missing.Status);
    }

    [Fact]
    public async Task Keys_with_quotes_spaces_percent_and_unicode_work_in_urls()
    {
        var table = await storage.CreateTableAsync();
        const string pk = "o'brien@example.com";
        const string rk = "2025-01-01 10:00 %20 ünïcødé 🎉 (1),+&=;";
        await table.AddEntityAsync(new TableEntity(pk, rk) { ["V"] = 1 });

        var read = await table.GetEntityAsync(pk, rk);
        Assert.Equal((pk, rk), (read.PartitionKey, read.RowKey));
        var found = await table.QueryAsync(TableFilter.Create($"PartitionKey eq {pk} and RowKey eq {rk}")).ToListAsync();
        Assert.Single(found);
        Assert.True(await table.DeleteEntityAsync(pk, rk, read.ETag));
    }

    [Fact]
    public async Task Point_read_with_select_returns_only_the_chosen_properties()
    {
        var table = await storage.CreateTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "r") { ["A"] = 1, ["B"] = 2, ["C"] = 3 });

        var read = await table.GetEntityAsync("p", "r", ["A", "C"]);

        Assert.Equal(1, read.GetInt32("A"));
        Assert.Equal(3, read.GetInt32("C"));
        Assert.False(read.ContainsKey("B"));
    }

    [Fact]
    public async Task Oversized_entities_are_refused_before_sending()
    {
        var counter = new RequestCountingPolicy();
        var options = new StorageClientOptions();
        options.AddPolicy(counter, Azure.Core.HttpPipelinePosition.PerRetry);
        var table = await storage.CreateTableAsync(options);
        counter.Reset();
        var entity = new TableEntity("p", "big");
        for (var i = 0; i < 20; i++)
        {
            entity[$"Part{i}"] = new string('x', 32 * 1024);
        }

        var ex = await Assert.ThrowsAsync<PayloadTooLargeException>(() => table.AddEntityAsync(entity));
        Assert.True(ex.ActualSize > TableLimits.MaxEntityBytes);
        var tooLongValue = await Assert.ThrowsAsync<PayloadTooLargeException>(() => table.UpsertEntityAsync(new TableEntity("p", "s") { ["S"] = new string('y', 40_000) }));
        Assert.Equal("S", tooLongValue.PropertyName);
        Assert.Equal(0, counter.Total);
        Assert.Null(await table.GetEntityIfExistsAsync("p", "big"));
    }

    [Fact]
    public async Task Tables_are_created_once_and_deleted()
    {
        var service = storage.CreateFactory().TableService;
        var name = AzuriteFixture.UniqueTableName();
        Assert.True(await service.CreateTableIfNotExistsAsync(name));
        Assert.False(await service.CreateTableIfNotExistsAsync(name));
        var ex = await Assert.ThrowsAsync<StorageRequestException>(() => service.CreateTableAsync(name));
        Assert.Equal(StorageErrorKind.Conflict, ex.Kind);
        Assert.True(await service.DeleteTableAsync(name));
        Assert.False(await service.DeleteTableAsync(name));
    }

    [Fact]
    public async Task Reads_from_a_missing_table_throw_not_found_even_if_exists_variant()
    {
        var table = storage.CreateFactory().GetTableClient(AzuriteFixture.UniqueTableName());
        var ex = await Assert.ThrowsAsync<StorageRequestException>(() => table.GetEntityIfExistsAsync("p", "r"));
        Assert.Equal(StorageErrorKind.NotFound, ex.Kind);
        Assert.Equal("TableNotFound", ex.ErrorCode);
    }
}
