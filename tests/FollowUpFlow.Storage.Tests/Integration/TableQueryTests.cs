using System.Globalization;
using Azure.Core;
using FollowUpFlow.Storage.Tables;
using FollowUpFlow.Testing;

namespace FollowUpFlow.Storage.Tests.Integration;

[Collection(AzuriteFixture.CollectionName)]
public sealed class TableQueryTests(AzuriteFixture storage)
{
    [Fact]
    public async Task Query_follows_continuation_tokens_across_more_than_1000_entities()
    {
        const int count = 1234;
        var counter = new RequestCountingPolicy();
        var options = new StorageClientOptions();
        options.AddPolicy(counter, HttpPipelinePosition.PerRetry);
        var table = await storage.CreateTableAsync(options);

        // Two partitions, inserted with batches of 100.
        var batchCount = 0;
        foreach (var partition in new[] { "a", "b" })
        {
            var rows = Enumerable.Range(0, count / 2).Select(i => i.ToString("D5", CultureInfo.InvariantCulture)).ToList();
            foreach (var chunk in rows.Chunk(100))
            {
                await table.SubmitTransactionAsync(chunk.Select(rk => new TableTransactionAction(
                    TableTransactionActionType.Add, new TableEntity(partition, rk) { ["N"] = int.Parse(rk, CultureInfo.InvariantCulture) })));
                batchCount++;
            }
        }

        Assert.Equal(14, batchCount);

        counter.Reset();
        var all = await table.QueryAsync().ToListAsync();
        Assert.Equal(count, all.Count);
        Assert.Equal(count, all.Select(e => (e.PartitionKey, e.RowKey)).Distinct().Count());
        Assert.True(counter.CountOf("GET") >= 2, "1,234 entities need at least two pages of 1,000.");

        // Manual paging: each page at most its $top, tokens until the end, every entity exactly once.
        var seen = new HashSet<(string, string)>();
        TableContinuationToken? token = null;
        var pages = 0;
        do
        {
            var page = await table.QueryPageAsync(top: 500, continuation: token);
            Assert.True(page.Items.Count <= 500);
            foreach (var entity in page.Items)
            {
                Assert.True(seen.Add((entity.PartitionKey, entity.RowKey)), $"{entity.PartitionKey}/{entity.RowKey} returned twice");
            }

            token = page.ContinuationToken;
            pages++;
        }
        while (token is not null);

        Assert.Equal(count, seen.Count);
        Assert.True(pages >= 3);
    }

    [Fact]
    public async Task Filter_select_and_top_narrow_the_results()
    {
        var table = await storage.CreateTableAsync();
        await table.SubmitTransactionAsync(Enumerable.Range(0, 30).Select(i => new TableTransactionAction(
            TableTransactionActionType.Add,
            new TableEntity("user", $"r{i:00}") { ["N"] = i, ["Big"] = (long)i << 40, ["Name"] = $"n{i}", ["Extra"] = "x" })));

        var filter = TableFilter.Create($"PartitionKey eq {"user"} and N ge {10} and Big lt {15L << 40}");
        var selected = await table.QueryAsync(filter, ["N", "Name"]).ToListAsync();
        Assert.Equal(Enumerable.Range(10, 5), selected.Select(e => e.GetInt32("N")!.Value));
        Assert.All(selected, e =>
        {
            Assert.False(e.ContainsKey("Extra"));
            Assert.False(e.ContainsKey("Big"));
            Assert.Equal("user", e.PartitionKey);
            Assert.NotEqual(default, e.ETag);
        });

        var top = await table.QueryAsync(top: 7, maxPerPage: 3).ToListAsync();
        Assert.Equal(7, top.Count);
        Assert.Equal(Enumerable.Range(0, 7).Select(i => $"r{i:00}"), top.Select(e => e.RowKey));

        var firstPage = await table.QueryPageAsync(top: 4);
        Assert.Equal(4, firstPage.Items.Count);
        Assert.NotNull(firstPage.ContinuationToken);
    }

    [Fact]
    public async Task Filters_with_every_literal_type_match_stored_values()
    {
        var table = await storage.CreateTableAsync();
        var when = new DateTimeOffset(2025, 6, 1, 9, 30, 0, TimeSpan.Zero).AddTicks(42);
        var id = Guid.NewGuid();
        await table.AddEntityAsync(new TableEntity("p", "match")
        {
            ["S"] = "it's", ["B"] = true, ["I"] = 5, ["L"] = 1L << 50, ["D"] = 2.5, ["T"] = when, ["G"] = id,
        });
        await table.AddEntityAsync(new TableEntity("p", "other") { ["S"] = "nope" });

        var filter = TableFilter.Create($"S eq {"it's"} and B eq {true} and I eq {5} and L eq {1L << 50} and D gt {2.0} and T eq {when} and G eq {id}");
        var found = await table.QueryAsync(filter).ToListAsync();

        Assert.Equal("match", Assert.Single(found).RowKey);
    }

    [Fact]
    public async Task Query_of_an_empty_table_returns_nothing_and_of_a_missing_table_throws()
    {
        var table = await storage.CreateTableAsync();
        Assert.Empty(await table.QueryAsync().ToListAsync());

        var missing = storage.CreateFactory().GetTableClient(AzuriteFixture.UniqueTableName());
        var ex = await Assert.ThrowsAsync<StorageRequestException>(() => missing.QueryPageAsync());
        Assert.Equal(StorageErrorKind.NotFound, ex.Kind);
    }
}
