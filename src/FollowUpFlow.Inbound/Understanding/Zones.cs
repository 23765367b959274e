using FollowUpFlow.Inbound.Understanding.Dates;

namespace FollowUpFlow.Inbound.Understanding;

/// <summary>Zone lookups and wall-clock to instant conversion that does not throw in DST gaps or at the ends of the calendar.</summary>
internal static class Zones
{
    /// <summary>The zone with this IANA id (cached by the date finder's clock), or null.</summary>
    public static TimeZoneInfo? Find(string? id) => string.IsNullOrWhiteSpace(id) ? null : ZoneClock.Find(id);

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
