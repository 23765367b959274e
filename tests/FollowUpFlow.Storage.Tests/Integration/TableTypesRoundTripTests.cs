using FollowUpFlow.Storage.Tables;
using FollowUpFlow.Testing;

namespace FollowUpFlow.Storage.Tests.Integration;

[Collection(AzuriteFixture.CollectionName)]
public sealed class TableTypesRoundTripTests(AzuriteFixture storage)
{
    [Fact]
    public async Task Every_edm_type_round_trips_exactly_through_point_reads_and_queries()
    {
        var table = await storage.CreateTableAsync();
        var original = new TableEntity("types", "all")
        {
            ["Text"] = "Grüße, 世界, مرحبا, 👩‍💻 e\u0301 \t\n\"quoted\" \\ 'single' <b>&amp;</b> \u0001",
            ["Empty"] = string.Empty,
            ["MaxString"] = new string('ß', 32 * 1024),
            ["True"] = true,
            ["False"] = false,
            ["IntMin"] = int.MinValue,
            ["IntMax"] = int.MaxValue,
            ["Zero"] = 0,
            ["BeyondDoublePrecision"] = 9007199254740993L,
            ["LongMax"] = long.MaxValue,
            ["LongMin"] = long.MinValue,
            ["SmallLong"] = 5L,
            ["Double"] = 0.1 + 0.2,
            ["WholeDouble"] = 3.0,
            ["TinyDouble"] = double.Epsilon,
            ["HugeDouble"] = 1.7976931348623157e308,
            ["NaN"] = double.NaN,
            ["PosInf"] = double.PositiveInfinity,
            ["NegInf"] = double.NegativeInfinity,
            ["Ticks"] = new DateTimeOffset(2025, 7, 8, 9, 10, 11, TimeSpan.Zero).AddTicks(1234567),
            ["OddTick"] = new DateTimeOffset(2025, 7, 8, 9, 10, 11, TimeSpan.Zero).AddTicks(1),
            ["FromOffset"] = new DateTimeOffset(2025, 12, 31, 23, 59, 59, TimeSpan.FromHours(-8)).AddTicks(9999999),
            ["Earliest"] = TableLimits.MinDateTime,
            ["Latest"] = new DateTimeOffset(9999, 12, 31, 23, 59, 59, TimeSpan.Zero).AddTicks(9999999),
            ["Guid"] = Guid.Parse("6f9619ff-8b86-d011-b42d-00cf4fc964ff"),
            ["EmptyGuid"] = Guid.Empty,
            ["Binary"] = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray(),
            ["MaxBinary"] = Enumerable.Range(0, 64 * 1024).Select(i => (byte)(i * 31)).ToArray(),
        };

        await table.AddEntityAsync(original);
        var read = await table.GetEntityAsync("types", "all");
        var queried = Assert.Single(await table.QueryAsync().ToListAsync());

        foreach (var copy in new[] { read, queried })
        {
            Assert.Equal(original.Count, copy.Count);
            foreach (var (name, value) in original.Properties)
            {
                var actual = copy[name];
                Assert.NotNull(actual);
                Assert.True(value.GetType() == actual.GetType(), $"{name}: {value.GetType().Name} came back as {actual.GetType().Name}");
                Assert.Equal(value, actual);
            }

            Assert.Equal(original.GetDateTimeOffset("Ticks")!.Value.UtcTicks, copy.GetDateTimeOffset("Ticks")!.Value.UtcTicks);
            Assert.Equal(9007199254740993L, copy.GetInt64("BeyondDoublePrecision"));
        }
    }

    [Fact]
    public async Task Merge_can_change_a_property_type()
    {
        var table = await storage.CreateTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "r") { ["V"] = 1 });
        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["V"] = 1L << 40 });
        Assert.Equal(1L << 40, (await table.GetEntityAsync("p", "r"))["V"]);
    }
}
