using FollowUpFlow.Inbound.Calendar;

namespace FollowUpFlow.Inbound.Tests.Calendar;

/// <summary>DURATION (RFC 5545 3.3.6): End = DTSTART + DURATION, days on the wall clock, hours on the instant.</summary>
public sealed class ICalendarDurationTests
{
    private static readonly DateTime Start = new(2025, 3, 10, 9, 0, 0);

    [Theory]
    [InlineData("PT1H30M", 90)]
    [InlineData("pt45m", 45)]
    [InlineData("-PT15M", -15)]
    [InlineData("+PT10S", 10.0 / 60)]
    [InlineData("P1D", 24 * 60)]
    [InlineData("P2W", 14 * 24 * 60)]
    [InlineData("P1DT2H", 26 * 60)]
    public void A_duration_gives_the_end(string duration, double minutes)
    {
        var evt = Ics.ReadEvent("DTSTART:20250310T090000Z", $"DURATION:{duration}");

        Assert.Equal(TimeSpan.FromMinutes(minutes), evt.Duration);
        Assert.Equal(CalendarTimeKind.Utc, evt.End!.Kind);
        Assert.Equal(Start.AddMinutes(minutes), evt.End.Local);
        Assert.Equal(new DateTimeOffset(Start.AddMinutes(minutes), TimeSpan.Zero), evt.End.Instant);
    }

    [Fact]
    public void Dtend_wins_over_duration()
    {
        var evt = Ics.ReadEvent("DTSTART:20250310T090000Z", "DURATION:PT1H", "DTEND:20250310T093000Z");

        Assert.Equal(new DateTime(2025, 3, 10, 9, 30, 0), evt.End!.Local);
        Assert.Equal(TimeSpan.FromHours(1), evt.Duration);
    }

    [Fact]
    public void A_day_across_the_spring_change_keeps_the_wall_clock()
    {
        var evt = Ics.ReadEvent("DTSTART;TZID=Europe/Berlin:20250329T120000", "DURATION:P1D");

        Assert.Equal(new DateTime(2025, 3, 30, 12, 0, 0), evt.End!.Local);
        Assert.Equal(new DateTimeOffset(2025, 3, 30, 12, 0, 0, TimeSpan.FromHours(2)), evt.End.Instant);
        Assert.Equal("Europe/Berlin", evt.End.TimeZone);
    }

    [Fact]
    public void Twenty_four_hours_across_the_spring_change_move_the_instant()
    {
        var evt = Ics.ReadEvent("DTSTART;TZID=Europe/Berlin:20250329T120000", "DURATION:PT24H");

        Assert.Equal(new DateTime(2025, 3, 30, 13, 0, 0), evt.End!.Local);
        Assert.Equal(evt.Start!.Instant!.Value.AddHours(24), evt.End.Instant);
    }

    [Fact]
    public void A_date_plus_days_is_a_date()
    {
        var evt = Ics.ReadEvent("DTSTART;VALUE=DATE:20250310", "DURATION:P3D");

        Assert.Equal(new CalendarTime(CalendarTimeKind.Date, new DateTime(2025, 3, 13), null, null, null), evt.End);
    }

    [Fact]
    public void A_floating_start_gives_a_floating_end()
    {
        var evt = Ics.ReadEvent("DTSTART:20250310T090000", "DURATION:PT1H");

        Assert.Equal(new CalendarTime(CalendarTimeKind.Floating, Start.AddHours(1), null, null, null), evt.End);
    }

    [Theory]
    [InlineData("P")]
    [InlineData("PT")]
    [InlineData("1H")]
    [InlineData("P1H")]
    [InlineData("PT1D")]
    [InlineData("P999999999999999999W")]
    [InlineData("P1Y")]
    public void An_unreadable_duration_is_left_out_with_a_problem(string duration)
    {
        var document = ICalendarReader.Parse(Ics.Event("DTSTART:20250310T090000Z", $"DURATION:{duration}"));

        var evt = Assert.Single(document.Events);
        Assert.Null(evt.Duration);
        Assert.Null(evt.End);
        Assert.Contains(document.Problems, p => p.StartsWith("DURATION", StringComparison.Ordinal));
    }

    [Fact]
    public void An_end_beyond_the_calendar_is_left_out_with_a_problem()
    {
        var document = ICalendarReader.Parse(Ics.Event("DTSTART:99991231T230000Z", "DURATION:P9999W"));

        Assert.Null(Assert.Single(document.Events).End);
        Assert.Contains(document.Problems, p => p.Contains("out of range", StringComparison.Ordinal));
    }
}
