namespace FollowUpFlow.Inbound.Understanding.Dates;

/// <summary>The clock a mention is read on: an IANA zone, or a written UTC offset that no zone keeps (reported in UTC).</summary>
internal readonly record struct MentionClock(string Id, TimeZoneInfo? Zone, int OffsetMinutes, bool Explicit)
{
    public static MentionClock ForZone(string id, TimeZoneInfo zone, bool isExplicit) => new(id, zone, 0, isExplicit);

    /// <summary>"UTC-03:30": the instant is exact; it is reported in UTC because no IANA zone holds that offset all year.</summary>
    public static MentionClock ForOffset(int minutes) => new("UTC", null, minutes, true);

    public DateOnly Today(DateTimeOffset instant) => Zone is null
        ? DateOnly.FromDateTime(instant.ToOffset(TimeSpan.FromMinutes(OffsetMinutes)).DateTime)
        : ZoneClock.Today(instant, Zone);

    /// <summary>The instant some minutes later, shown with the offset the clock has then (a DST change may lie between).</summary>
    public DateTimeOffset Later(DateTimeOffset start, int minutes) => Zone is null
        ? start.AddMinutes(minutes)
        : TimeZoneInfo.ConvertTime(start.AddMinutes(minutes), Zone);

    public DateTimeOffset At(DateTime wallClock) => Zone is null
        ? new DateTimeOffset(DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified), TimeSpan.FromMinutes(OffsetMinutes)).ToUniversalTime()
        : ZoneClock.At(wallClock, Zone);
}
