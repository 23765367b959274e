using System.Collections.Immutable;

namespace FollowUpFlow.Inbound.Calendar;

/// <summary>
/// Reads iCalendar text (RFC 5545): the METHOD and every VEVENT, with times resolved through TZIDs and the file's own
/// VTIMEZONEs. Never throws: what cannot be read is skipped and listed in <see cref="CalendarDocument.Problems"/>.
/// </summary>
public static class ICalendarReader
{
    /// <summary>Reads a calendar; any text is accepted.</summary>
    public static CalendarDocument Parse(string text)
    {
        var problems = new ProblemLog();
        var collector = new ComponentCollector(problems);
        var lines = new LogicalLineReader(text ?? string.Empty, problems);
        while (lines.TryRead(out var line))
        {
            if (ContentLineParser.Parse(line, lines.LineNumber, problems) is { } contentLine)
            {
                collector.Add(contentLine);
            }
        }

        collector.Finish();
        var zones = new TimeZoneResolver(collector.TimeZones, problems);
        var events = ImmutableArray.CreateBuilder<CalendarEvent>(collector.Events.Count);
        foreach (var eventLines in collector.Events)
        {
            events.Add(CalendarEventBuilder.Build(eventLines, zones, problems));
        }

        return new CalendarDocument { Method = collector.Method, Events = events.MoveToImmutable(), Problems = problems.ToImmutableArray() };
    }
}
