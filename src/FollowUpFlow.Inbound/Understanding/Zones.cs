using System.Collections.Concurrent;

namespace FollowUpFlow.Inbound.Understanding;

/// <summary>IANA zone lookups, cached, and wall-clock to instant conversion that does not throw in DST gaps.</summary>
internal static class Zones
{
    private static readonly ConcurrentDictionary<string, TimeZoneInfo?> Cache = new(StringComparer.OrdinalIgnoreCase);

    public static TimeZoneInfo? Find(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }

        return Cache.GetOrAdd(id, static key =>
        {
            try
            {
                return TimeZoneInfo.FindSystemTimeZoneById(key);
            }
            catch (TimeZoneNotFoundException)
            {
                return null;
            }
            catch (InvalidTimeZoneException)
            {
                return null;
            }
        });
    }

    /// <summary>The instant a wall-clock time names in a zone; a time skipped by a DST change is moved forward by the gap.</summary>
    public static DateTimeOffset FromWallClock(DateTime local, TimeZoneInfo zone)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (unspecified.Year is < 2 or > 9998)
        {
            return new DateTimeOffset(unspecified, TimeSpan.Zero); // No zone rules so far out; and an offset could overflow the range.
        }

        if (zone.IsInvalidTime(unspecified))
        {
            unspecified = unspecified.AddHours(1);
        }

        return new DateTimeOffset(unspecified, zone.GetUtcOffset(unspecified));
    }

    /// <summary>The same instant shown with the zone's offset (unchanged at the ends of the calendar, where an offset could overflow).</summary>
    public static DateTimeOffset ToZone(DateTimeOffset instant, TimeZoneInfo zone) =>
        instant.UtcDateTime.Year is < 2 or > 9998 ? instant : TimeZoneInfo.ConvertTime(instant, zone);
}
