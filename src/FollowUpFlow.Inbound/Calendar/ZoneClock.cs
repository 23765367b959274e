namespace FollowUpFlow.Inbound.Calendar;

/// <summary>Wall time to instant arithmetic that never throws at the ends of the calendar.</summary>
internal static class ZoneClock
{
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);
    private static readonly TimeSpan MaxDateTimeOffsetOffset = TimeSpan.FromHours(14);

    /// <summary>
    /// The offset of a wall time. In a DST gap the offset before the gap applies; in an overlap the first
    /// occurrence (the larger offset), as RFC 5545 and python's zoneinfo (fold=0) read them.
    /// </summary>
    public static TimeSpan? OffsetAtLocal(IZoneRules rules, DateTime local)
    {
        // Real offsets are under a day, so a day either side of the wall time is surely before/after any transition at it.
        if (rules.OffsetAtUtc(Clamp(local, -Day)) is not { } before || rules.OffsetAtUtc(Clamp(local, Day)) is not { } after)
        {
            return null;
        }

        var beforeFits = Fits(rules, local, before);
        var afterFits = after != before && Fits(rules, local, after);
        return (beforeFits, afterFits) switch
        {
            (true, true) => before > after ? before : after,
            (false, true) => after,
            _ => before,
        };
    }

    /// <summary>The instant of a wall time at an offset; null when it falls outside the representable range.</summary>
    public static DateTimeOffset? ToInstant(DateTime local, TimeSpan offset)
    {
        if (!TryShift(local, -offset, out var utc))
        {
            return null;
        }

        // DateTimeOffset takes whole-minute offsets up to 14 hours; historical VTIMEZONE offsets (+11:55:44) are shown in UTC.
        var representable = offset.Ticks % TimeSpan.TicksPerMinute == 0 && offset.Duration() <= MaxDateTimeOffsetOffset;
        return representable
            ? new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), offset)
            : new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Unspecified), TimeSpan.Zero);
    }

    public static bool TryShift(DateTime value, TimeSpan by, out DateTime shifted)
    {
        // Compared before adding, so that no sum can overflow; DateTime.MinValue.Ticks is 0.
        var inRange = by.Ticks >= 0 ? by.Ticks <= DateTime.MaxValue.Ticks - value.Ticks : by.Ticks >= -value.Ticks;
        shifted = inRange ? new DateTime(value.Ticks + by.Ticks, DateTimeKind.Unspecified) : default;
        return inRange;
    }

    private static DateTime Clamp(DateTime value, TimeSpan by) =>
        TryShift(value, by, out var shifted) ? shifted : by < TimeSpan.Zero ? DateTime.MinValue : DateTime.MaxValue;

    private static bool Fits(IZoneRules rules, DateTime local, TimeSpan offset) =>
        TryShift(local, -offset, out var utc) && rules.OffsetAtUtc(utc) == offset;
}
