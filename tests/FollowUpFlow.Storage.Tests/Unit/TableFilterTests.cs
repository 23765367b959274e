using FollowUpFlow.Storage.Tables;

namespace FollowUpFlow.Storage.Tests.Unit;

public sealed class TableFilterTests
{
    [Fact]
    public void Strings_are_quoted_with_single_quotes_doubled()
    {
        var user = "o'brien' or RowKey ne '";
        Assert.Equal("PartitionKey eq 'o''brien'' or RowKey ne '''", TableFilter.Create($"PartitionKey eq {user}"));
    }

    [Fact]
    public void Each_type_gets_its_odata_literal()
    {
        var when = new DateTimeOffset(2025, 3, 4, 5, 6, 7, TimeSpan.FromHours(2)).AddTicks(1234567);
        var id = Guid.Parse("c9da6455-213d-42c9-9a79-3e9149a57833");
        var filter = TableFilter.Create($"A eq {42} and B eq {42L} and C eq {1.5} and D eq {true} and E ge {when} and F eq {id} and G eq {new byte[] { 0x0A, 0xFF }}");
        Assert.Equal(
            "A eq 42 and B eq 42L and C eq 1.5 and D eq true and E ge datetime'2025-03-04T03:06:07.1234567Z' and F eq guid'c9da6455-213d-42c9-9a79-3e9149a57833' and G eq X'0aff'",
            filter);
    }

    [Fact]
    public void Whole_doubles_stay_doubles_and_longs_beyond_int_keep_the_suffix()
    {
        Assert.Equal("X eq 5.0", TableFilter.Create($"X eq {5.0}"));
        Assert.Equal("X eq 9007199254740993L", TableFilter.Create($"X eq {9007199254740993L}"));
        Assert.Equal("X eq -1", TableFilter.Create($"X eq {(short)-1}"));
        Assert.Equal("X eq false", TableFilter.Create($"X eq {false}"));
    }

    [Fact]
    public void Culture_never_changes_a_literal()
    {
        var previous = Thread.CurrentThread.CurrentCulture;
        try
        {
            Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            Assert.Equal("X eq 1.25 and Y eq 12345", TableFilter.Create($"X eq {1.25} and Y eq {12345}"));
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Utc_datetime_is_accepted_and_unspecified_is_refused()
    {
        var utc = new DateTime(2025, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        Assert.Equal("T lt datetime'2025-01-02T03:04:05.0000000Z'", TableFilter.Create($"T lt {utc}"));
        var unspecified = new DateTime(2025, 1, 2);
        Assert.Throws<ArgumentException>(() => TableFilter.Create($"T lt {unspecified}"));
    }

    [Fact]
    public void Unsupported_values_are_refused_rather_than_stringified()
    {
        string? nothing = null;
        Assert.Throws<ArgumentNullException>(() => TableFilter.Create($"X eq {nothing}"));
        Assert.Throws<ArgumentException>(() => TableFilter.Create($"X eq {new object()}"));
        Assert.Throws<ArgumentException>(() => TableFilter.Create($"X eq {double.NaN}"));
        Assert.Throws<ArgumentException>(() => TableFilter.Create($"X eq {DayOfWeek.Monday}"));
    }
}
