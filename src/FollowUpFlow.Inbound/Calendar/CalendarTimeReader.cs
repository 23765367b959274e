namespace FollowUpFlow.Inbound.Calendar;

/// <summary>Reads DTSTART/DTEND into <see cref="CalendarTime"/> and computes an end from a DURATION.</summary>
internal static class CalendarTimeReader
{
    public static CalendarTime? Read(ContentLine line, TimeZoneResolver zones, ProblemLog problems)
    {
        if (!CalendarValues.TryParseDateTime(CalendarValues.FirstOfList(line.Value), out var local, out var isDate, out var isUtc))
        {
            problems.Add($"{line.Name} '{ProblemLog.Snippet(line.Value)}' is not a date or a date-time.");
            return null;
        }

        var tzId = line.Parameter("TZID");
        if (isDate)
        {
            return new CalendarTime(CalendarTimeKind.Date, local, tzId, null, null);
        }

        if (isUtc)
        {
            return new CalendarTime(CalendarTimeKind.Utc, local, tzId, "UTC", new DateTimeOffset(local, TimeSpan.Zero));
        }

        if (tzId is null || zones.Resolve(tzId, local.Year) is not { } zone)
        {
            return Floating(local, tzId);
        }

        if (InstantOf(local, zone.Rules) is not { } instant)
        {
            problems.Add($"{line.Name} '{ProblemLog.Snippet(line.Value)}' cannot be placed in its zone (out of range, or past the zone work budget); read as floating.");
            return Floating(local, tzId);
        }

        return new CalendarTime(CalendarTimeKind.Zoned, local, tzId, zone.IanaId, instant);
    }

    /// <summary>
    /// The end of an event given by DTSTART + DURATION: days move the wall clock (a day across a DST change is 23 or
    /// 25 hours), hours, minutes and seconds move the instant. Null when the end cannot be worked out.
    /// </summary>
    public static CalendarTime? AddDuration(CalendarTime start, CalendarDuration duration, TimeZoneResolver zones)
    {
        switch (start.Kind)
        {
            case CalendarTimeKind.Zoned when start.TzId is not null && zones.Resolve(start.TzId, start.Local.Year) is { } zone:
                if (!ZoneClock.TryShift(start.Local, TimeSpan.FromDays(duration.Days), out var wall)
                    || InstantOf(wall, zone.Rules) is not { } atWall
                    || !ZoneClock.TryShift(atWall.UtcDateTime, duration.Time, out var endUtc)
                    || zone.Rules.OffsetAtUtc(endUtc) is not { } endOffset
                    || !ZoneClock.TryShift(endUtc, endOffset, out var endLocal))
                {
                    return null;
                }

                var endInstant = ZoneClock.ToInstant(endLocal, endOffset);
                return endInstant is null ? null : start with { Local = endLocal, Instant = endInstant };
            case CalendarTimeKind.Utc:
                return ZoneClock.TryShift(start.Local, duration.Total, out var utcEnd)
                    ? start with { Local = utcEnd, Instant = new DateTimeOffset(utcEnd, TimeSpan.Zero) }
                    : null;
            default:
                return ZoneClock.TryShift(start.Local, duration.Total, out var end) ? start with { Local = end } : null;
        }
    }

    private static DateTimeOffset? InstantOf(DateTime local, IZoneRules rules) =>
        ZoneClock.OffsetAtLocal(rules, local) is { } offset ? ZoneClock.ToInstant(local, offset) : null;

    private static CalendarTime Floating(DateTime local, string? tzId) => new(CalendarTimeKind.Floating, local, tzId, null, null);
}
