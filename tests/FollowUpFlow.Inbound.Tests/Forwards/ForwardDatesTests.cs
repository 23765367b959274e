using System.Globalization;
using FollowUpFlow.Inbound.Forwards;

namespace FollowUpFlow.Inbound.Tests.Forwards;

/// <summary>Dates in forwarded header blocks, read in the forwarder's zone when they name none.</summary>
public sealed class ForwardDatesTests
{
    private static readonly DateTimeOffset Forwarded = new(2026, 12, 7, 14, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("Fri, 4 Dec 2026 15:12:00 -0500", "UTC", "2026-12-04T15:12:00-05:00")]
    [InlineData("Fr., 4. Dez. 2026 um 15:12 Uhr", "Europe/Berlin", "2026-12-04T15:12:00+01:00")]
    [InlineData("Freitag, 4. Dezember 2026 15:12", "Europe/Berlin", "2026-12-04T15:12:00+01:00")]
    [InlineData("ven. 4 déc. 2026 à 15:12", "Europe/Paris", "2026-12-04T15:12:00+01:00")]
    [InlineData("vendredi 4 décembre 2026 15:12", "Europe/Paris", "2026-12-04T15:12:00+01:00")]
    [InlineData("December 4, 2026 at 3:12 PM PST", "Europe/Berlin", "2026-12-04T15:12:00-08:00")]
    [InlineData("4 December 2026 at 15:12:00 CET", "America/New_York", "2026-12-04T15:12:00+01:00")]
    public void Reads_the_instant(string text, string zone, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture), ForwardDates.Parse(text, Forwarded, zone));

    [Theory]
    [InlineData("Fri, Dec 4, 2026 at 3:12 PM", "America/New_York", "2026-12-04T15:12:00-05:00")]
    [InlineData("Friday, December 4, 2026 3:12 PM", "America/New_York", "2026-12-04T15:12:00-05:00")]
    [InlineData("Friday, December 4, 2026 15:12", "Asia/Tokyo", "2026-12-04T15:12:00+09:00")]
    public void Zone_less_english_dates_are_read_in_the_default_zone(string text, string zone, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture), ForwardDates.Parse(text, Forwarded, zone));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("sometime next week")]
    public void Unreadable_dates_are_null(string? text) =>
        Assert.Null(ForwardDates.Parse(text, Forwarded, "UTC"));
}
