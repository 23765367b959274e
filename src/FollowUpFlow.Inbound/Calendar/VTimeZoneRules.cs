namespace FollowUpFlow.Inbound.Calendar;

/// <summary>
/// The rules of a time zone as a file's own VTIMEZONE defines them. The changes of each year asked about are worked
/// out once and kept, so that reading many events in a zone costs a binary search each.
/// </summary>
internal sealed class VTimeZoneRules : IZoneRules
{
    private readonly ZoneObservance[] observances;
    private readonly TimeSpan offsetBeforeAnyOnset;
    private readonly Dictionary<int, YearOfChanges> years = [];
    private readonly List<DateTime> onsets = [];
    private readonly List<DateTime> scratch = [];
    private readonly ZoneYearBudget budget;

    public VTimeZoneRules(ZoneObservance[] observances, ZoneYearBudget budget)
    {
        this.observances = observances;
        this.budget = budget;
        offsetBeforeAnyOnset = observances.MinBy(o => o.Start)!.OffsetFrom;
    }

    /// <summary>The offset every observance moves to, when they all agree (a zone without DST); null otherwise.</summary>
    public TimeSpan? FixedOffset =>
        observances.All(o => o.OffsetTo == observances[0].OffsetTo) ? observances[0].OffsetTo : null;

    public TimeSpan? OffsetAtUtc(DateTime utc)
    {
        if (!years.TryGetValue(utc.Year, out var year))
        {
            if (!budget.TryTakeYear())
            {
                return null;
            }

            year = ChangesIn(utc.Year);
            years.Add(utc.Year, year);
        }

        return year.OffsetAt(utc);
    }

    private YearOfChanges ChangesIn(int year)
    {
        var from = new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
        var to = year == 9999 ? DateTime.MaxValue : from.AddYears(1);
        var changes = new List<(DateTime Utc, int Order, TimeSpan Offset)>(observances.Length * 2);
        for (var order = 0; order < observances.Length; order++)
        {
            onsets.Clear();
            observances[order].AddOnsetsBetween(from, to, onsets, scratch);
            foreach (var onset in onsets)
            {
                changes.Add((onset, order, observances[order].OffsetTo));
            }
        }

        // On equal onsets the later block in the file wins, as it would if the file listed them in time order.
        changes.Sort((a, b) => a.Utc != b.Utc ? a.Utc.CompareTo(b.Utc) : a.Order.CompareTo(b.Order));
        return new YearOfChanges(OffsetBefore(from), [.. changes.Select(c => c.Utc)], [.. changes.Select(c => c.Offset)]);
    }

    /// <summary>The offset in force just before <paramref name="instant"/>: that of the observance with the latest earlier onset.</summary>
    private TimeSpan OffsetBefore(DateTime instant)
    {
        if (!ZoneClock.TryShift(instant, -TimeSpan.FromTicks(1), out var justBefore))
        {
            return offsetBeforeAnyOnset;
        }

        ZoneObservance? current = null;
        var currentOnset = DateTime.MinValue;
        foreach (var observance in observances)
        {
            if (observance.TryLatestOnset(justBefore, scratch, out var onset) && (current is null || onset >= currentOnset))
            {
                current = observance;
                currentOnset = onset;
            }
        }

        return current?.OffsetTo ?? offsetBeforeAnyOnset;
    }

    /// <summary>The offset at the start of a year and each change within it (UTC, sorted).</summary>
    private sealed class YearOfChanges(TimeSpan offsetAtStart, DateTime[] changes, TimeSpan[] offsets)
    {
        public TimeSpan OffsetAt(DateTime utc)
        {
            var index = Array.BinarySearch(changes, utc);
            if (index >= 0)
            {
                while (index + 1 < changes.Length && changes[index + 1] == utc)
                {
                    index++;
                }
            }
            else
            {
                index = ~index - 1;
            }

            return index < 0 ? offsetAtStart : offsets[index];
        }
    }
}
