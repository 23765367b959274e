using System.Collections.Immutable;

namespace FollowUpFlow.Inbound.Calendar;

public enum CalendarTimeKind
{
    /// <summary>A date-time ending in Z.</summary>
    Utc,

    /// <summary>A date-time with TZID= that resolved to a known zone (IANA, Windows, or the file's VTIMEZONE).</summary>
    Zoned,

    /// <summary>A date-time with neither Z nor a resolvable TZID: wall-clock time wherever the reader is.</summary>
    Floating,

    /// <summary>VALUE=DATE: a whole day.</summary>
    Date,
}

/// <summary>A DTSTART/DTEND value. <see cref="Local"/> is the wall-clock value as written.</summary>
/// <param name="TzId">The TZID parameter as written, if any.</param>
/// <param name="TimeZone">IANA id the value is in (resolved from TZID, Windows names included), "UTC" for Utc, null otherwise.</param>
/// <param name="Instant">The instant, when it is one (Utc or Zoned); null for floating times and dates.</param>
public sealed record CalendarTime(CalendarTimeKind Kind, DateTime Local, string? TzId, string? TimeZone, DateTimeOffset? Instant);

/// <summary>ORGANIZER or ATTENDEE: mailto address with its parameters (values as written, upper case for ROLE/PARTSTAT).</summary>
public sealed record CalendarPerson(string? Name, string? Email, string? Role, string? PartStat);

/// <summary>A property as read: unescaped value plus parameters (names upper case; a list of values joined by commas).</summary>
public sealed record CalendarProperty(string Name, ImmutableDictionary<string, string> Parameters, string Value);

/// <summary>One VEVENT. Text values are unescaped (\n, \, \; \\).</summary>
public sealed record CalendarEvent
{
    public string? Uid { get; init; }

    public int? Sequence { get; init; }

    public string? Summary { get; init; }

    /// <summary>STATUS in upper case (CONFIRMED, TENTATIVE, CANCELLED).</summary>
    public string? Status { get; init; }

    public CalendarTime? Start { get; init; }

    /// <summary>DTEND as written, or computed from DTSTART + DURATION when only DURATION is given.</summary>
    public CalendarTime? End { get; init; }

    public TimeSpan? Duration { get; init; }

    public CalendarPerson? Organizer { get; init; }

    public ImmutableArray<CalendarPerson> Attendees { get; init; } = [];

    public string? Location { get; init; }

    public string? Description { get; init; }

    public string? Url { get; init; }

    /// <summary>Every property of the event (including X- ones like X-MICROSOFT-SKYPETEAMSMEETINGURL, X-GOOGLE-CONFERENCE, CONFERENCE).</summary>
    public ImmutableArray<CalendarProperty> Properties { get; init; } = [];
}

/// <summary>A VCALENDAR as read. Reading never throws; what could not be read is in <see cref="Problems"/>.</summary>
public sealed record CalendarDocument
{
    /// <summary>The VCALENDAR's METHOD in upper case (REQUEST, CANCEL, PUBLISH, REPLY...).</summary>
    public string? Method { get; init; }

    public ImmutableArray<CalendarEvent> Events { get; init; } = [];

    public ImmutableArray<string> Problems { get; init; } = [];
}
