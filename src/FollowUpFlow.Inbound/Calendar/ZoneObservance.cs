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
    /// <param name="scratch">A list to work in, reused across calls.</param>
    public bool TryLatestOnset(DateTime utc, List<DateTime> scratch, out DateTime onsetUtc)
    {
        onsetUtc = default;
        if (!ZoneClock.TryShift(utc, offsetFrom, out var bound))
        {
            bound = offsetFrom > TimeSpan.Zero ? DateTime.MaxValue : DateTime.MinValue;
        }

        DateTime? latest = start <= bound ? start : null;
        if (rule?.LatestAtOrBefore(bound, start, scratch) is { } recurring && (latest is null || recurring > latest))
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

        onsetUtc = ToUtc(onset);
        return true;
    }

    /// <summary>Adds the onsets, as UTC times, from <paramref name="fromUtc"/> (inclusive) to <paramref name="toUtc"/> (exclusive).</summary>
    /// <param name="scratch">A list to work in, reused across calls.</param>
    public void AddOnsetsBetween(DateTime fromUtc, DateTime toUtc, List<DateTime> into, List<DateTime> scratch)
    {
        Consider(start);

        // RDATEs are sorted wall times: only those within a day of the window can fall in it.
        var first = Array.BinarySearch(sortedDates, fromUtc.AddDays(fromUtc.Year > 1 ? -1 : 0));
        for (var i = first >= 0 ? first : ~first; i < sortedDates.Length && sortedDates[i] <= toUtc.AddDays(toUtc.Year < 9999 ? 1 : 0); i++)
        {
            Consider(sortedDates[i]);
        }

        if (rule is null)
        {
            return;
        }

        // Wall-clock years either side, since an offset can move an onset across New Year.
        scratch.Clear();
        for (var year = Math.Max(1, fromUtc.Year - 1); year <= Math.Min(9999, toUtc.Year); year++)
        {
            rule.AddOnsets(year, start, scratch);
        }

        foreach (var onset in scratch)
        {
            Consider(onset);
        }

        void Consider(DateTime onset)
        {
            var utc = ToUtc(onset);
            if (utc >= fromUtc && utc < toUtc)
            {
                into.Add(utc);
            }
        }
    }

    private DateTime ToUtc(DateTime onset) => ZoneClock.TryShift(onset, -offsetFrom, out var utc) ? utc : onset;
}
