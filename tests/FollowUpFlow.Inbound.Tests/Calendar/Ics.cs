using FollowUpFlow.Inbound.Calendar;

namespace FollowUpFlow.Inbound.Tests.Calendar;

/// <summary>Small calendars written inline for the tests, CRLF-terminated as RFC 5545 wants.</summary>
internal static class Ics
{
    public const string OutlookBerlinZone = "(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna";

    public static string Calendar(params string[] lines) =>
        string.Join("\r\n", ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//FollowUpFlow tests//EN", .. lines, "END:VCALENDAR", ""]);

    public static string Event(params string[] lines) => Calendar(["BEGIN:VEVENT", .. lines, "END:VEVENT"]);

    /// <summary>The single event of a calendar holding one VEVENT with these lines.</summary>
    public static CalendarEvent ReadEvent(params string[] lines) => Assert.Single(ICalendarReader.Parse(Event(lines)).Events);

    /// <summary>A VTIMEZONE as Outlook writes it: a 1601 start and yearly "nth Sunday" rules, changing at the given wall times.</summary>
    public static string[] Zone(string tzId, (string Offset, string At, string Rule) standard, (string Offset, string At, string Rule) daylight) =>
    [
        "BEGIN:VTIMEZONE",
        $"TZID:{tzId}",
        "BEGIN:STANDARD",
        $"DTSTART:16010101T{standard.At}",
        $"TZOFFSETFROM:{daylight.Offset}",
        $"TZOFFSETTO:{standard.Offset}",
        $"RRULE:FREQ=YEARLY;INTERVAL=1;{standard.Rule}",
        "END:STANDARD",
        "BEGIN:DAYLIGHT",
        $"DTSTART:16010101T{daylight.At}",
        $"TZOFFSETFROM:{standard.Offset}",
        $"TZOFFSETTO:{daylight.Offset}",
        $"RRULE:FREQ=YEARLY;INTERVAL=1;{daylight.Rule}",
        "END:DAYLIGHT",
        "END:VTIMEZONE",
    ];

    /// <summary>Central European rules: summer time from 02:00 on the last Sunday of March to 03:00 on the last Sunday of October.</summary>
    public static string[] CentralEuropeanZone(string tzId) =>
        Zone(tzId, ("+0100", "030000", "BYDAY=-1SU;BYMONTH=10"), ("+0200", "020000", "BYDAY=-1SU;BYMONTH=3"));

    /// <summary>US Eastern rules since 2007: 02:00 on the second Sunday of March to 02:00 on the first Sunday of November.</summary>
    public static string[] UsEasternZone(string tzId) =>
        Zone(tzId, ("-0500", "020000", "BYDAY=1SU;BYMONTH=11"), ("-0400", "020000", "BYDAY=2SU;BYMONTH=3"));
}
