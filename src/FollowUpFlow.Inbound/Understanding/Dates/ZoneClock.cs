using System.Collections.Concurrent;

namespace FollowUpFlow.Inbound.Understanding.Dates;

/// <summary>Cached zone lookups and wall-clock to instant conversion.</summary>
internal static class ZoneClock
{
    // Ids come from the catalog and from callers' settings; the cap keeps odd caller input from growing it for ever.
    private const int CacheLimit = 512;

    private static readonly ConcurrentDictionary<string, TimeZoneInfo?> Zones = new(StringComparer.Ordinal);

    /// <summary>The zone with this id, or null when the system does not know it.</summary>
    public static TimeZoneInfo? Find(string id)
    {
        if (id == "UTC")
        {
            return TimeZoneInfo.Utc;
        }

        if (Zones.TryGetValue(id, out var zone))
        {
            return zone;
        }

        zone = Lookup(id);
        if (Zones.Count < CacheLimit)
        {
            Zones.TryAdd(id, zone);
        }

        return zone;
    }

    /// <summary>The instant a wall clock in the zone shows; a time skipped by a DST jump moves forward by the jump.</summary>
    public static DateTimeOffset At(DateTime wallClock, TimeZoneInfo zone)
    {
        var local = DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified);
        return TimeZoneInfo.ConvertTime(new DateTimeOffset(local, zone.GetUtcOffset(local)), zone);
    }

    /// <summary>The date on the wall in the zone at that instant.</summary>
    public static DateOnly Today(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    private static TimeZoneInfo? Lookup(string id)
    {
        if (id.Length is 0 or > 64)
        {
            return null;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException
            or IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            return null;
        }
    }
}
