namespace FollowUpFlow.Inbound.Calendar;

/// <summary>A time zone's rules, reduced to the one question the reader asks: the UTC offset at an instant.</summary>
internal interface IZoneRules
{
    /// <summary>
    /// The offset in force at <paramref name="utc"/> (a UTC wall time, kind ignored); null when the rules cannot tell
    /// (a file-defined zone once the calendar's zone work budget is spent).
    /// </summary>
    TimeSpan? OffsetAtUtc(DateTime utc);
}

/// <summary>A zone from the system's time zone database.</summary>
internal sealed class SystemZoneRules(TimeZoneInfo zone) : IZoneRules
{
    public TimeSpan? OffsetAtUtc(DateTime utc) => zone.GetUtcOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
}
