namespace FollowUpFlow.Inbound.Calendar;

/// <summary>The rules of a time zone as a file's own VTIMEZONE defines them.</summary>
internal sealed class VTimeZoneRules : IZoneRules
{
    private readonly ZoneObservance[] observances;
    private readonly TimeSpan offsetBeforeAnyOnset;

    public VTimeZoneRules(ZoneObservance[] observances)
    {
        this.observances = observances;
        var earliest = observances.MinBy(o => o.Start)!;
        offsetBeforeAnyOnset = earliest.OffsetFrom;
    }

    /// <summary>The offset every observance moves to, when they all agree (a zone without DST); null otherwise.</summary>
    public TimeSpan? FixedOffset =>
        observances.All(o => o.OffsetTo == observances[0].OffsetTo) ? observances[0].OffsetTo : null;

    public TimeSpan OffsetAtUtc(DateTime utc)
    {
        ZoneObservance? current = null;
        var currentOnset = DateTime.MinValue;
        foreach (var observance in observances)
        {
            // On equal onsets the later block in the file wins, as it would if the file listed them in time order.
            if (observance.TryLatestOnset(utc, out var onset) && (current is null || onset >= currentOnset))
            {
                current = observance;
                currentOnset = onset;
            }
        }

        return current?.OffsetTo ?? offsetBeforeAnyOnset;
    }
}
