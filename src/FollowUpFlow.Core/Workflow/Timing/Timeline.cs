namespace FollowUpFlow.Core.Workflow.Timing;

/// <summary>
/// Time arithmetic of the follow-up timeline. Delays of whole days are added on the local calendar (so "7 days later"
/// keeps the wall-clock time across a DST change); shorter delays are exact durations. Results are in UTC and clamp at
/// the ends of the calendar instead of throwing.
/// </summary>
public static class Timeline
{
    // Far from DateTime's limits, so local conversions and day arithmetic cannot overflow.
    private static readonly DateTime SafeMin = new(1, 1, 3, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime SafeMax = new(9999, 12, 1, 0, 0, 0, DateTimeKind.Utc);

    public static DateTimeOffset After(DateTimeOffset from, TimeSpan delay, TimeZoneInfo zone)
    {
        if (delay <= TimeSpan.Zero)
        {
            return from.ToUniversalTime();
        }

        var wholeDays = delay.Ticks % TimeSpan.TicksPerDay == 0;
        var days = delay.Ticks / TimeSpan.TicksPerDay;
        if (!wholeDays || !IsSafe(from) || days > (SafeMax - from.UtcDateTime).TotalDays)
        {
            return Add(from, delay);
        }

        var local = ToLocal(from, zone);
        return AtLocal(local.DateTime.AddDays(days), zone);
    }

    /// <summary>The instant a wall-clock time denotes: a time in a spring-forward gap moves forward by the gap, an
    /// ambiguous time in a fall-back overlap is its first occurrence.</summary>
    public static DateTimeOffset AtLocal(DateTime wallClock, TimeZoneInfo zone)
    {
        var wall = DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified);
        if (wall < SafeMin || wall > SafeMax)
        {
            return new DateTimeOffset(DateTime.SpecifyKind(wall, DateTimeKind.Utc));
        }

        TimeSpan offset;
        if (zone.IsInvalidTime(wall))
        {
            // The offset in force before the gap: 02:30 in a 02:00→03:00 gap becomes 03:30.
            offset = zone.GetUtcOffset(wall.AddDays(-1));
        }
        else if (zone.IsAmbiguousTime(wall))
        {
            offset = zone.GetAmbiguousTimeOffsets(wall).Max();
        }
        else
        {
            offset = zone.GetUtcOffset(wall);
        }

        return new DateTimeOffset(DateTime.SpecifyKind(wall - offset, DateTimeKind.Utc));
    }

    /// <summary>The instant as the interview's zone sees it (UTC when it is too close to the calendar's ends).</summary>
    public static DateTimeOffset ToLocal(DateTimeOffset instant, TimeZoneInfo zone) =>
        IsSafe(instant) ? TimeZoneInfo.ConvertTime(instant, zone) : instant.ToUniversalTime();

    /// <summary>Night is [start, end) on the clock, across midnight when start &gt; end; equal hours mean no night.</summary>
    public static bool IsNight(DateTimeOffset now, TimeZoneInfo zone, int nightStartHour, int nightEndHour)
    {
        var hour = ToLocal(now, zone).Hour;
        var start = Math.Clamp(nightStartHour, 0, 24);
        var end = Math.Clamp(nightEndHour, 0, 24);
        return start > end
            ? hour >= start || hour < end
            : start < end && hour >= start && hour < end;
    }

    /// <summary>The next <paramref name="morningHour"/>:00 local strictly after <paramref name="now"/>.</summary>
    public static DateTimeOffset NextMorning(DateTimeOffset now, TimeZoneInfo zone, int morningHour)
    {
        if (!IsSafe(now))
        {
            return now.ToUniversalTime();
        }

        var local = ToLocal(now, zone).DateTime;
        var morning = local.Date.AddHours(Math.Clamp(morningHour, 0, 23));
        if (morning <= local)
        {
            morning = morning.AddDays(1);
        }

        return AtLocal(morning, zone);
    }

    /// <summary>An exact duration, clamped at the calendar's end.</summary>
    public static DateTimeOffset Add(DateTimeOffset from, TimeSpan delay)
    {
        var utc = from.ToUniversalTime();
        if (delay <= TimeSpan.Zero)
        {
            return utc;
        }

        return delay.Ticks > DateTimeOffset.MaxValue.UtcTicks - utc.UtcTicks ? DateTimeOffset.MaxValue : utc + delay;
    }

    private static bool IsSafe(DateTimeOffset instant) => instant.UtcDateTime >= SafeMin && instant.UtcDateTime <= SafeMax;
}
