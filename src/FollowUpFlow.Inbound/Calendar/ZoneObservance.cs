namespace FollowUpFlow.Inbound.Calendar;

/// <summary>
/// One STANDARD or DAYLIGHT block of a VTIMEZONE: at each onset (DTSTART, RRULE, RDATE; wall times on the clock
/// before the change, i.e. at <see cref="OffsetFrom"/>) clocks move to <see cref="OffsetTo"/>.
/// </summary>
internal sealed class ZoneObservance(DateTime start, TimeSpan offsetFrom, TimeSpan offsetTo, YearlyRule? rule, DateTime[] sortedDates)
{
    public DateTime Start => start;

    public TimeSpan OffsetFrom => offsetFrom;

    public TimeSpan OffsetTo => offsetTo;

    /// <summary>The latest onset at or before <paramref name="utc"/>, as a UTC time; false when there is none yet.</summary>
    public bool TryLatestOnset(DateTime utc, out DateTime onsetUtc)
    {
        onsetUtc = default;
        if (!ZoneClock.TryShift(utc, offsetFrom, out var bound))
        {
            bound = offsetFrom > TimeSpan.Zero ? DateTime.MaxValue : DateTime.MinValue;
        }

        DateTime? latest = start <= bound ? start : null;
        if (rule?.LatestAtOrBefore(bound, start) is { } recurring && (latest is null || recurring > latest))
        {
            latest = recurring;
        }

        var index = Array.BinarySearch(sortedDates, bound);
        index = index >= 0 ? index : ~index - 1;
        if (index >= 0 && (latest is null || sortedDates[index] > latest))
        {
            latest = sortedDates[index];
        }

        if (latest is not { } onset)
        {
            return false;
        }

        onsetUtc = ZoneClock.TryShift(onset, -offsetFrom, out var shifted) ? shifted : onset;
        return true;
    }
}
