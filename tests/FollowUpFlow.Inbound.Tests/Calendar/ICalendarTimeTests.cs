using FollowUpFlow.Inbound.Calendar;

namespace FollowUpFlow.Inbound.Tests.Calendar;

/// <summary>DTSTART/DTEND: UTC, floating, dates, and every way calendar programs name a zone.</summary>
public sealed class ICalendarTimeTests
{
    private static readonly DateTime July15At10 = new(2025, 7, 15, 10, 0, 0);

    [Fact]
    public void A_time_ending_in_z_is_utc()
    {
        var start = Ics.ReadEvent("DTSTART:20250715T100000Z").Start!;

        Assert.Equal(new CalendarTime(CalendarTimeKind.Utc, July15At10, null, "UTC", new DateTimeOffset(July15At10, TimeSpan.Zero)), start);
    }

    [Fact]
    public void A_time_without_zone_is_floating()
    {
        var start = Ics.ReadEvent("DTSTART:20250715T100000").Start!;

        Assert.Equal(new CalendarTime(CalendarTimeKind.Floating, July15At10, null, null, null), start);
    }

    [Fact]
    public void A_date_is_a_whole_day()
    {
        var evt = Ics.ReadEvent("DTSTART;VALUE=DATE:20250715", "DTEND;VALUE=DATE:20250716");

        Assert.Equal(new CalendarTime(CalendarTimeKind.Date, new DateTime(2025, 7, 15), null, null, null), evt.Start);
        Assert.Equal(CalendarTimeKind.Date, evt.End!.Kind);
        Assert.Equal(new DateTime(2025, 7, 16), evt.End.Local);
    }

    [Theory]
    [InlineData("Europe/Berlin", "Europe/Berlin", 2)]
    [InlineData("europe/berlin", "Europe/Berlin", 2)]
    [InlineData("America/New_York", "America/New_York", -4)]
    [InlineData("W. Europe Standard Time", "Europe/Berlin", 2)]
    [InlineData("Eastern Standard Time", "America/New_York", -4)]
    [InlineData("Tokyo Standard Time", "Asia/Tokyo", 9)]
    [InlineData("/mozilla.org/20050126_1/Europe/Berlin", "Europe/Berlin", 2)]
    [InlineData("/freeassociation.sourceforge.net/Tzfile/America/Argentina/Buenos_Aires", "America/Argentina/Buenos_Aires", -3)]
    [InlineData("Eastern Standard Time 1", "America/New_York", -4)]
    [InlineData("custom_Europe/Berlin_2", "Europe/Berlin", 2)]
    public void Zone_names_resolve_to_iana_zones(string tzId, string zone, int offsetHours)
    {
        var start = Ics.ReadEvent($"DTSTART;TZID=\"{tzId}\":20250715T100000").Start!;

        Assert.Equal(CalendarTimeKind.Zoned, start.Kind);
        Assert.Equal(tzId, start.TzId);
        Assert.Equal(zone, start.TimeZone);
        Assert.Equal(new DateTimeOffset(July15At10, TimeSpan.FromHours(offsetHours)), start.Instant);
        Assert.Equal(TimeSpan.FromHours(offsetHours), start.Instant!.Value.Offset);
    }

    [Fact]
    public void An_outlook_zone_name_resolves_through_the_files_vtimezone_to_the_first_city_that_agrees()
    {
        var document = ICalendarReader.Parse(Ics.Calendar([
            .. Ics.CentralEuropeanZone(Ics.OutlookBerlinZone),
            "BEGIN:VEVENT",
            $"DTSTART;TZID=\"{Ics.OutlookBerlinZone}\":20250715T100000",
            "END:VEVENT",
            "BEGIN:VEVENT",
            $"DTSTART;TZID=\"{Ics.OutlookBerlinZone}\":20250115T100000",
            "END:VEVENT"]));

        var (summer, winter) = (document.Events[0].Start!, document.Events[1].Start!);
        Assert.Equal(CalendarTimeKind.Zoned, summer.Kind);
        Assert.Equal("Europe/Amsterdam", summer.TimeZone);
        Assert.Equal(new DateTimeOffset(July15At10, TimeSpan.FromHours(2)), summer.Instant);
        Assert.Equal(new DateTimeOffset(2025, 1, 15, 10, 0, 0, TimeSpan.FromHours(1)), winter.Instant);
        Assert.Empty(document.Problems);
    }

    [Fact]
    public void An_outlook_zone_name_without_its_vtimezone_is_floating_with_a_problem()
    {
        var document = ICalendarReader.Parse(Ics.Event($"DTSTART;TZID=\"{Ics.OutlookBerlinZone}\":20250715T100000"));

        var start = Assert.Single(document.Events).Start!;
        Assert.Equal(CalendarTimeKind.Floating, start.Kind);
        Assert.Equal(Ics.OutlookBerlinZone, start.TzId);
        Assert.Null(start.Instant);
        Assert.Contains(document.Problems, p => p.Contains("is neither a known zone nor defined", StringComparison.Ordinal));
    }

    [Fact]
    public void A_custom_zone_known_only_from_its_vtimezone_still_gives_the_instant()
    {
        var document = ICalendarReader.Parse(Ics.Calendar([
            .. Ics.UsEasternZone("Head office time"),
            "BEGIN:VEVENT",
            "DTSTART;TZID=Head office time:20250715T100000",
            "END:VEVENT"]));

        var start = Assert.Single(document.Events).Start!;
        Assert.Equal(CalendarTimeKind.Zoned, start.Kind);
        Assert.Null(start.TimeZone);
        Assert.Equal(new DateTimeOffset(July15At10, TimeSpan.FromHours(-4)), start.Instant);
    }

    [Fact]
    public void A_vtimezone_may_come_after_the_events_that_use_it()
    {
        var document = ICalendarReader.Parse(Ics.Calendar([
            "BEGIN:VEVENT",
            "DTSTART;TZID=Head office time:20250115T100000",
            "END:VEVENT",
            .. Ics.UsEasternZone("Head office time")]));

        Assert.Equal(new DateTimeOffset(2025, 1, 15, 10, 0, 0, TimeSpan.FromHours(-5)), Assert.Single(document.Events).Start!.Instant);
    }

    [Theory]
    [InlineData("+1100", 11 * 60, "Etc/GMT-11")]
    [InlineData("-0300", -3 * 60, "Etc/GMT+3")]
    [InlineData("+0000", 0, "Etc/UTC")]
    [InlineData("+0530", (5 * 60) + 30, null)]
    public void A_fixed_offset_vtimezone_is_named_by_its_etc_zone_when_there_is_one(string offset, int offsetMinutes, string? zone)
    {
        var document = ICalendarReader.Parse(Ics.Calendar(
            "BEGIN:VTIMEZONE", "TZID:Custom fixed", "BEGIN:STANDARD", "DTSTART:19700101T000000", $"TZOFFSETFROM:{offset}", $"TZOFFSETTO:{offset}", "END:STANDARD", "END:VTIMEZONE",
            "BEGIN:VEVENT", "DTSTART;TZID=Custom fixed:20250715T100000", "END:VEVENT"));

        var start = Assert.Single(document.Events).Start!;
        Assert.Equal(zone, start.TimeZone);
        Assert.Equal(new DateTimeOffset(July15At10, TimeSpan.FromMinutes(offsetMinutes)), start.Instant);
    }

    [Theory]
    [InlineData("20250115T120000", 1)]
    [InlineData("20250715T120000", 2)]
    [InlineData("20250330T015959", 1)]
    [InlineData("20250330T030000", 2)]
    [InlineData("20251026T015959", 2)]
    [InlineData("20251026T030000", 1)]
    public void Berlin_is_an_hour_ahead_in_winter_and_two_in_summer(string local, int offsetHours)
    {
        var named = Ics.ReadEvent($"DTSTART;TZID=Europe/Berlin:{local}").Start!;
        var defined = ReadWithZone(Ics.CentralEuropeanZone("Berlin (file)"), "Berlin (file)", local);

        Assert.Equal(TimeSpan.FromHours(offsetHours), named.Instant!.Value.Offset);
        Assert.Equal(named.Instant, defined.Instant);
    }

    [Fact]
    public void A_wall_time_in_the_spring_gap_takes_the_offset_before_the_gap()
    {
        var named = Ics.ReadEvent("DTSTART;TZID=Europe/Berlin:20250330T023000").Start!;
        var defined = ReadWithZone(Ics.CentralEuropeanZone("Berlin (file)"), "Berlin (file)", "20250330T023000");

        Assert.Equal(new DateTime(2025, 3, 30, 1, 30, 0), named.Instant!.Value.UtcDateTime);
        Assert.Equal(named.Instant, defined.Instant);
    }

    [Fact]
    public void A_wall_time_in_the_autumn_overlap_is_its_first_occurrence()
    {
        var named = Ics.ReadEvent("DTSTART;TZID=Europe/Berlin:20251026T023000").Start!;
        var defined = ReadWithZone(Ics.CentralEuropeanZone("Berlin (file)"), "Berlin (file)", "20251026T023000");

        Assert.Equal(new DateTime(2025, 10, 26, 0, 30, 0), named.Instant!.Value.UtcDateTime);
        Assert.Equal(named.Instant, defined.Instant);
    }

    [Theory]
    [InlineData("Europe/Berlin", "CentralEuropean")]
    [InlineData("America/New_York", "UsEastern")]
    public void Outlook_style_rules_agree_with_the_system_zone_every_half_hour_around_each_change_and_daily_all_year(string zone, string rules)
    {
        var definition = rules == "CentralEuropean" ? Ics.CentralEuropeanZone("Local") : Ics.UsEasternZone("Local");
        var system = TimeZoneInfo.FindSystemTimeZoneById(zone);
        var times = Enumerable.Range(0, 365).Select(d => new DateTime(2026, 1, 1, 12, 0, 0).AddDays(d))
            .Concat(TransitionDays(system, 2026).SelectMany(day => Enumerable.Range(0, 48).Select(h => day.AddMinutes(30 * h))))
            .Where(t => !system.IsInvalidTime(t) && !system.IsAmbiguousTime(t))
            .ToList();
        var lines = times.SelectMany(t => new[] { "BEGIN:VEVENT", $"DTSTART;TZID=Local:{t:yyyyMMdd'T'HHmmss}", "END:VEVENT" });

        var events = ICalendarReader.Parse(Ics.Calendar([.. definition, .. lines])).Events;

        Assert.Equal(times.Count, events.Length);
        Assert.All(times.Zip(events), pair => Assert.Equal(system.GetUtcOffset(pair.First), pair.Second.Start!.Instant!.Value.Offset));
    }

    [Fact]
    public void The_files_own_expectations_around_a_transition_are_met()
    {
        // Each event of this python icalendar test file names the observance it must fall in (X-TZNAME).
        var document = ICalendarReader.Parse(CalendarCorpus.Read("issue_722_timezone_transition_ambiguity.ics"));
        var offsets = new Dictionary<string, TimeSpan> { ["winter"] = TimeSpan.FromHours(12), ["summer"] = TimeSpan.FromHours(10) };

        Assert.Equal(4, document.Events.Length);
        Assert.All(document.Events, e => Assert.Equal(offsets[e.Properties.Single(p => p.Name == "X-TZNAME").Value], e.Start!.Instant!.Value.Offset));
    }

    [Fact]
    public void A_historical_offset_with_seconds_gives_the_instant_in_utc()
    {
        var document = ICalendarReader.Parse(Ics.Calendar(
            "BEGIN:VTIMEZONE", "TZID:Old Fiji", "BEGIN:STANDARD", "DTSTART:19000101T000000", "TZOFFSETFROM:+115544", "TZOFFSETTO:+115544", "END:STANDARD", "END:VTIMEZONE",
            "BEGIN:VEVENT", "DTSTART;TZID=Old Fiji:19100101T120000", "END:VEVENT"));

        var instant = Assert.Single(document.Events).Start!.Instant!.Value;
        Assert.Equal(TimeSpan.Zero, instant.Offset);
        Assert.Equal(new DateTime(1910, 1, 1, 0, 4, 16), instant.UtcDateTime);
    }

    [Fact]
    public void A_rule_that_ended_gives_way_to_the_later_one()
    {
        // US rules changed in 2007: before, summer time began on the first Sunday of April.
        var document = ICalendarReader.Parse(CalendarCorpus.Read("america_new_york.ics").Replace("20140829T080000", "20060402T120000", StringComparison.Ordinal));

        Assert.Equal(TimeSpan.FromHours(-4), document.Events[0].Start!.Instant!.Value.Offset);
    }

    [Fact]
    public void A_zone_with_too_many_blocks_keeps_the_latest_starting_ones()
    {
        var history = Enumerable.Range(0, 40).SelectMany(i => new[]
        {
            "BEGIN:STANDARD", $"DTSTART:{1900 + i}0101T000000", "TZOFFSETFROM:+0500", "TZOFFSETTO:+0500", "END:STANDARD",
        });
        var document = ICalendarReader.Parse(Ics.Calendar([
            "BEGIN:VTIMEZONE", "TZID:Long history", .. history,
            "BEGIN:STANDARD", "DTSTART:20000101T000000", "TZOFFSETFROM:+0500", "TZOFFSETTO:+0300", "END:STANDARD", "END:VTIMEZONE",
            "BEGIN:VEVENT", "DTSTART;TZID=Long history:20250715T100000", "END:VEVENT"]));

        Assert.Equal(TimeSpan.FromHours(3), Assert.Single(document.Events).Start!.Instant!.Value.Offset);
        Assert.Contains(document.Problems, p => p.Contains("only the latest-starting ones are used", StringComparison.Ordinal));
    }

    [Fact]
    public void Z_wins_over_a_tzid()
    {
        var start = Ics.ReadEvent("DTSTART;TZID=Europe/Berlin:20250715T100000Z").Start!;

        Assert.Equal(CalendarTimeKind.Utc, start.Kind);
        Assert.Equal("Europe/Berlin", start.TzId);
        Assert.Equal(new DateTimeOffset(July15At10, TimeSpan.Zero), start.Instant);
    }

    [Theory]
    [InlineData("INVALID")]
    [InlineData("20251301T100000")]
    [InlineData("20250230")]
    [InlineData("20250715T256000")]
    [InlineData("00000101T000000")]
    public void An_unreadable_time_is_left_out_with_a_problem(string value)
    {
        var document = ICalendarReader.Parse(Ics.Event($"DTSTART:{value}", "UID:bad-time"));

        Assert.Null(Assert.Single(document.Events).Start);
        Assert.Contains(document.Problems, p => p.StartsWith("DTSTART", StringComparison.Ordinal));
    }

    [Fact]
    public void The_first_of_repeated_times_counts()
    {
        var evt = Ics.ReadEvent("DTSTART:20250715T100000Z", "DTSTART:20250716T100000Z");

        Assert.Equal(15, evt.Start!.Local.Day);
    }

    private static CalendarTime ReadWithZone(string[] zone, string tzId, string local) =>
        Assert.Single(ICalendarReader.Parse(Ics.Calendar([.. zone, "BEGIN:VEVENT", $"DTSTART;TZID={tzId}:{local}", "END:VEVENT"])).Events).Start!;

    private static IEnumerable<DateTime> TransitionDays(TimeZoneInfo zone, int year) =>
        Enumerable.Range(0, 365)
            .Select(d => new DateTime(year, 1, 1).AddDays(d))
            .Where(day => zone.GetUtcOffset(day) != zone.GetUtcOffset(day.AddDays(1)));
}
