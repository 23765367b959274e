using FollowUpFlow.Inbound.Understanding.Dates;

namespace FollowUpFlow.Inbound.Tests.Understanding.Dates;

public sealed class TimeZoneNamesTests
{
    [Theory]
    [InlineData("EST", "America/New_York")]
    [InlineData("edt", "America/New_York")]
    [InlineData("ET", "America/New_York")]
    [InlineData("Eastern", "America/New_York")]
    [InlineData("Eastern Time", "America/New_York")]
    [InlineData("Eastern Standard Time", "America/New_York")]
    [InlineData("CST", "America/Chicago")]
    [InlineData("CDT", "America/Chicago")]
    [InlineData("CT", "America/Chicago")]
    [InlineData("Central", "America/Chicago")]
    [InlineData("MST", "America/Denver")]
    [InlineData("Mountain Time", "America/Denver")]
    [InlineData("PST", "America/Los_Angeles")]
    [InlineData("PT", "America/Los_Angeles")]
    [InlineData("Pacific Time (US & Canada)", "America/Los_Angeles")]
    [InlineData("AKST", "America/Anchorage")]
    [InlineData("HST", "Pacific/Honolulu")]
    [InlineData("GMT", "UTC")]
    [InlineData("UTC", "UTC")]
    [InlineData("Z", "UTC")]
    [InlineData("BST", "Europe/London")]
    [InlineData("UK time", "Europe/London")]
    [InlineData("CET", "Europe/Berlin")]
    [InlineData("CEST", "Europe/Berlin")]
    [InlineData("MEZ", "Europe/Berlin")]
    [InlineData("MESZ", "Europe/Berlin")]
    [InlineData("Berlin time", "Europe/Berlin")]
    [InlineData("heure de Paris", "Europe/Paris")]
    [InlineData("Heure de Paris", "Europe/Paris")]
    [InlineData("IST", "Asia/Kolkata")]
    [InlineData("AEST", "Australia/Sydney")]
    [InlineData("AEDT", "Australia/Sydney")]
    [InlineData("JST", "Asia/Tokyo")]
    [InlineData("SGT", "Asia/Singapore")]
    [InlineData("Paris", "Europe/Paris")]
    [InlineData("Berlin", "Europe/Berlin")]
    [InlineData("London", "Europe/London")]
    [InlineData("New York", "America/New_York")]
    [InlineData("San Francisco", "America/Los_Angeles")]
    [InlineData("Seattle", "America/Los_Angeles")]
    [InlineData("LA", "America/Los_Angeles")]
    [InlineData("GMT+1", "Etc/GMT-1")]
    [InlineData("UTC+01:00", "Etc/GMT-1")]
    [InlineData("UTC-5", "Etc/GMT+5")]
    [InlineData("GMT+0", "UTC")]
    [InlineData("UTC+05:30", "Asia/Kolkata")]
    [InlineData("(GMT+01:00) Amsterdam, Berlin", "Europe/Amsterdam")]
    [InlineData("(UTC-05:00) Eastern Time (US & Canada)", "America/New_York")]
    [InlineData("Europe/Berlin", "Europe/Berlin")]
    [InlineData("W. Europe Standard Time", "Europe/Berlin")]
    public void Resolves_what_emails_write(string token, string expected) =>
        Assert.Equal(expected, TimeZoneNames.Resolve(token));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("nonsense")]
    [InlineData("GMT+15")]
    [InlineData("UTC-03:30")] // no IANA zone keeps this offset all year
    [InlineData("Mars/Olympus_Mons")]
    public void Returns_null_for_what_it_does_not_know(string token) =>
        Assert.Null(TimeZoneNames.Resolve(token));

    [Fact]
    public void Every_zone_it_returns_exists_on_this_system()
    {
        string[] tokens = ["EST", "CST", "MST", "PST", "AKST", "HST", "BST", "CET", "IST", "AEST", "JST", "SGT", "GMT+1", "UTC-12", "UTC+14", "UTC+05:45", "heure de Paris"];
        Assert.All(tokens, token => Assert.NotNull(TimeZoneInfo.FindSystemTimeZoneById(TimeZoneNames.Resolve(token)!)));
    }
}
