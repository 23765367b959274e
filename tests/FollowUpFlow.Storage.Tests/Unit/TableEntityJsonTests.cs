using System.Text;
using System.Text.Json;
using Azure;
using FollowUpFlow.Storage.Tables;

namespace FollowUpFlow.Storage.Tests.Unit;

public sealed class TableEntityJsonTests
{
    [Fact]
    public void Every_type_round_trips_through_the_json()
    {
        var original = SampleEntity();
        var json = TableEntityJson.Serialize(original);
        using var doc = JsonDocument.Parse(json);
        var read = TableEntityJsonReader.Read(doc.RootElement);

        Assert.Equal(original.PartitionKey, read.PartitionKey);
        Assert.Equal(original.RowKey, read.RowKey);
        Assert.Equal(original.Count, read.Count);
        foreach (var (name, value) in original.Properties)
        {
            Assert.Equal(value, read[name]);
            Assert.Equal(value.GetType(), read[name]!.GetType());
        }
    }

    [Fact]
    public void Types_json_cannot_carry_get_odata_annotations()
    {
        var json = Encoding.UTF8.GetString(TableEntityJson.Serialize(SampleEntity()));
        Assert.Contains("\"Big@odata.type\":\"Edm.Int64\",\"Big\":\"9007199254740993\"", json, StringComparison.Ordinal);
        Assert.Contains("\"When@odata.type\":\"Edm.DateTime\",\"When\":\"2025-02-03T04:05:06.1234567Z\"", json, StringComparison.Ordinal);
        Assert.Contains("\"Id@odata.type\":\"Edm.Guid\"", json, StringComparison.Ordinal);
        Assert.Contains("\"Bytes@odata.type\":\"Edm.Binary\",\"Bytes\":\"AAEC/w==\"", json, StringComparison.Ordinal);
        Assert.Contains("\"Ratio@odata.type\":\"Edm.Double\"", json, StringComparison.Ordinal);
        Assert.Contains("\"Count\":7", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Count@odata.type", json, StringComparison.Ordinal);
        Assert.Contains("\"Text\":\"h\\u00E9llo \\u0022w\\u00F6rld\\u0022 \\uD83C\\uDF89\"", json, StringComparison.Ordinal);
        Assert.True(Encoding.UTF8.GetByteCount(json) == json.Length, "the body is pure ASCII");
    }

    [Fact]
    public void Service_json_is_read_with_annotations_etag_and_timestamp()
    {
        const string json = """
            {"odata.etag":"W/\"datetime'2025-01-01T00%3A00%3A00.1234567Z'\"","PartitionKey":"p","RowKey":"r",
             "Timestamp":"2025-01-01T00:00:00.1234567Z","Whole":5.0,"Int":5,"Neg":-3,"Exp":1e3,
             "Big@odata.type":"Edm.Int64","Big":"-9223372036854775808","Nan@odata.type":"Edm.Double","Nan":"NaN",
             "Flag":true,"Empty":""}
            """;
        using var doc = JsonDocument.Parse(json);
        var entity = TableEntityJsonReader.Read(doc.RootElement);

        Assert.Equal(new ETag("W/\"datetime'2025-01-01T00%3A00%3A00.1234567Z'\""), entity.ETag);
        Assert.Equal(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero).AddTicks(1234567), entity.Timestamp);
        Assert.Equal(5.0, entity["Whole"]);
        Assert.IsType<double>(entity["Whole"]);
        Assert.Equal(5, entity["Int"]);
        Assert.Equal(-3, entity.GetInt32("Neg"));
        Assert.Equal(1000.0, entity["Exp"]);
        Assert.Equal(long.MinValue, entity.GetInt64("Big"));
        Assert.True(double.IsNaN(entity.GetDouble("Nan")!.Value));
        Assert.Equal(true, entity.GetBoolean("Flag"));
        Assert.Equal(string.Empty, entity.GetString("Empty"));
        Assert.False(entity.ContainsKey("Timestamp"));
    }

    [Fact]
    public void Typed_getters_return_null_when_absent_and_refuse_wrong_types()
    {
        var entity = SampleEntity();
        Assert.Null(entity.GetString("Missing"));
        Assert.Null(entity.GetInt64("Missing"));
        Assert.Null(entity.GetBinary("Missing"));
        Assert.Equal(7L, entity.GetInt64("Count"));
        Assert.Equal(7.0, entity.GetDouble("Count"));
        Assert.Throws<InvalidOperationException>(() => entity.GetInt32("Text"));
        Assert.Throws<InvalidOperationException>(() => entity.GetString("Count"));
    }

    [Fact]
    public void Setting_values_normalizes_dates_and_refuses_other_types()
    {
        var entity = new TableEntity("p", "r")
        {
            ["Local"] = new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.FromHours(5)),
            ["Utc"] = new DateTime(2025, 1, 1, 7, 0, 0, DateTimeKind.Utc),
        };
        Assert.Equal(TimeSpan.Zero, entity.GetDateTimeOffset("Local")!.Value.Offset);
        Assert.Equal(entity.GetDateTimeOffset("Local"), entity.GetDateTimeOffset("Utc"));
        Assert.Throws<ArgumentException>(() => entity["Bad"] = new DateTime(2025, 1, 1));
        Assert.Throws<ArgumentException>(() => entity["Bad"] = 1.5f);
        Assert.Throws<ArgumentException>(() => entity["Bad"] = DayOfWeek.Friday);

        entity["Local"] = null;
        Assert.False(entity.ContainsKey("Local"));
    }

    [Theory]
    [InlineData("PartitionKey")]
    [InlineData("Timestamp")]
    [InlineData("")]
    [InlineData("1abc")]
    [InlineData("has-dash")]
    [InlineData("has space")]
    [InlineData("odata.etag")]
    public void Invalid_property_names_are_refused(string name)
    {
        var entity = new TableEntity("p", "r");
        Assert.Throws<ArgumentException>(() => entity[name] = "x");
    }

    [Fact]
    public void Long_names_are_refused_beyond_255_characters()
    {
        var entity = new TableEntity("p", "r") { [new string('a', 255)] = 1 };
        Assert.Equal(1, entity.Count);
        Assert.Throws<ArgumentException>(() => entity[new string('a', 256)] = 1);
    }

    internal static TableEntity SampleEntity() => new("part", "row")
    {
        ["Text"] = "héllo \"wörld\" 🎉",
        ["Empty"] = string.Empty,
        ["Flag"] = false,
        ["Count"] = 7,
        ["Big"] = 9007199254740993L,
        ["Ratio"] = 0.1 + 0.2,
        ["WholeDouble"] = 3.0,
        ["When"] = new DateTimeOffset(2025, 2, 3, 4, 5, 6, TimeSpan.Zero).AddTicks(1234567),
        ["Id"] = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"),
        ["Bytes"] = new byte[] { 0, 1, 2, 255 },
        ["Inf"] = double.NegativeInfinity,
    };
}
