using FollowUpFlow.Inbound.Understanding.Dates;

namespace FollowUpFlow.Inbound.Tests.Understanding.Dates;

/// <summary>Every way of naming a zone after a time, on Tuesday 8 December 2026 (winter in the north, summer in Sydney).</summary>
public sealed class ZoneMentionTests
{
    [Theory]
    [InlineData("Dec 8, 2026 at 9am EDT", "2026-12-08T09:00:00-05:00", "America/New_York")]
    [InlineData("Dec 8, 2026 at 9am CST", "2026-12-08T09:00:00-06:00", "America/Chicago")]
    [InlineData("Dec 8, 2026 at 9am CT", "2026-12-08T09:00:00-06:00", "America/Chicago")]
    [InlineData("Dec 8, 2026 at 9am MT", "2026-12-08T09:00:00-07:00", "America/Denver")]
    [InlineData("Dec 8, 2026 at 9am Mountain Time", "2026-12-08T09:00:00-07:00", "America/Denver")]
    [InlineData("Dec 8, 2026 at 9am PDT", "2026-12-08T09:00:00-08:00", "America/Los_Angeles")]
    [InlineData("Dec 8, 2026 at 9am Pacific", "2026-12-08T09:00:00-08:00", "America/Los_Angeles")]
    [InlineData("Dec 8, 2026 at 9am AKST", "2026-12-08T09:00:00-09:00", "America/Anchorage")]
    [InlineData("Dec 8, 2026 at 9am HST", "2026-12-08T09:00:00-10:00", "Pacific/Honolulu")]
    [InlineData("Dec 8, 2026 at 9am UTC", "2026-12-08T09:00:00+00:00", "UTC")]
    [InlineData("Dec 8, 2026 at 9am GMT", "2026-12-08T09:00:00+00:00", "UTC")]
    [InlineData("Dec 8, 2026 at 9am UK time", "2026-12-08T09:00:00+00:00", "Europe/London")]
    [InlineData("8 December 2026 at 14:00 BST", "2026-12-08T14:00:00+00:00", "Europe/London")]
    [InlineData("Dec 8, 2026 at 2pm London time", "2026-12-08T14:00:00+00:00", "Europe/London")]
    [InlineData("Dec 8, 2026 at 2pm CEST", "2026-12-08T14:00:00+01:00", "Europe/Berlin")]
    [InlineData("Dec 8, 2026 at 2pm Berlin time", "2026-12-08T14:00:00+01:00", "Europe/Berlin")]
    [InlineData("Dec 8, 2026 at 2pm Paris time", "2026-12-08T14:00:00+01:00", "Europe/Paris")]
    [InlineData("Dec 8, 2026 at 2pm (Paris)", "2026-12-08T14:00:00+01:00", "Europe/Paris")]
    [InlineData("Dec 8, 2026 at 9am IST", "2026-12-08T09:00:00+05:30", "Asia/Kolkata")]
    [InlineData("Dec 8, 2026 at 9am AEDT", "2026-12-08T09:00:00+11:00", "Australia/Sydney")]
    [InlineData("Dec 8, 2026 at 9am AEST", "2026-12-08T09:00:00+11:00", "Australia/Sydney")]
    [InlineData("Dec 8, 2026 at 9am JST", "2026-12-08T09:00:00+09:00", "Asia/Tokyo")]
    [InlineData("Dec 8, 2026 at 9am SGT", "2026-12-08T09:00:00+08:00", "Asia/Singapore")]
    [InlineData("Dec 8, 2026 at 9am San Francisco time", "2026-12-08T09:00:00-08:00", "America/Los_Angeles")]
    [InlineData("Dec 8, 2026 at 9am Seattle time", "2026-12-08T09:00:00-08:00", "America/Los_Angeles")]
    [InlineData("Dec 8, 2026 at 9am New York time", "2026-12-08T09:00:00-05:00", "America/New_York")]
    [InlineData("Dec 8, 2026 at 9am UTC-5", "2026-12-08T09:00:00-05:00", "Etc/GMT+5")]
    [InlineData("Dec 8, 2026 at 9am (UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna", "2026-12-08T09:00:00+01:00", "Europe/Amsterdam")]
    [InlineData("Dec 8, 2026 at 2pm UTC+05:30", "2026-12-08T14:00:00+05:30", "Asia/Kolkata")]
    // No zone keeps -03:30 all year: the exact instant, reported in UTC.
    [InlineData("Dec 8, 2026 at 2pm UTC-03:30", "2026-12-08T17:30:00+00:00", "UTC")]
    // Abbreviations name a region, not a season: EST in July is New York at its July offset.
    [InlineData("July 8, 2026 at 2pm EST", "2026-07-08T14:00:00-04:00", "America/New_York")]
    [InlineData("August 12, 2026 at 2pm CET", "2026-08-12T14:00:00+02:00", "Europe/Berlin")]
    [InlineData("12/08/2026 14:00 CET", "2026-08-12T14:00:00+02:00", "Europe/Berlin")]
    // A wall time skipped by the spring-forward jump moves forward by the jump.
    [InlineData("March 8, 2026 at 2:30 AM EST", "2026-03-08T03:30:00-04:00", "America/New_York")]
    public void Reads_the_zone_after_the_time(string text, string start, string zone)
    {
        var match = DateExpectation.Single(text, "Europe/Berlin", start, null, zone, "ZDT");
        Assert.True(match.Confidence >= 0.85, $"confidence {match.Confidence}");
    }

    [Theory]
    [InlineData("Dec 8, 2026 at 2pm est")] // French "est"
    [InlineData("Dec 8, 2026 at 2pm et 3pm")] // French "et"
    [InlineData("Dec 8, 2026 at 2pm Berlin office")] // a city alone is no zone
    public void Words_that_only_look_like_zones_leave_the_default_zone(string text)
    {
        var first = TextDateFinder.Find(text, DateExpectation.SentAt, "America/New_York")[0];
        Assert.False(first.ExplicitZone);
        Assert.Equal("America/New_York", first.TimeZone);
        Assert.Equal("2026-12-08T14:00:00-05:00", DateExpectation.Iso(first.Start));
    }
}
