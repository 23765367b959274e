using System.Collections.Immutable;

namespace FollowUpFlow.Inbound.Calendar;

/// <summary>Turns a VEVENT's lines into a <see cref="CalendarEvent"/>. The first of a repeated single-valued property wins.</summary>
internal static class CalendarEventBuilder
{
    public static CalendarEvent Build(List<ContentLine> lines, TimeZoneResolver zones, ProblemLog problems)
    {
        var properties = ImmutableArray.CreateBuilder<CalendarProperty>(lines.Count);
        var attendees = ImmutableArray.CreateBuilder<CalendarPerson>();
        var text = new Dictionary<string, string>(StringComparer.Ordinal);
        ContentLine? start = null;
        ContentLine? end = null;
        ContentLine? duration = null;
        ContentLine? organizer = null;
        foreach (var line in lines)
        {
            var property = new CalendarProperty(line.Name, line.Parameters, CalendarText.Unescape(line.Value));
            properties.Add(property);
            switch (line.Name)
            {
                case "DTSTART":
                    start ??= line;
                    break;
                case "DTEND":
                    end ??= line;
                    break;
                case "DURATION":
                    duration ??= line;
                    break;
                case "ORGANIZER":
                    organizer ??= line;
                    break;
                case "ATTENDEE":
                    attendees.Add(CalendarPersonReader.Read(line));
                    break;
                default:
                    text.TryAdd(line.Name, property.Value);
                    break;
            }
        }

        var startTime = start is null ? null : CalendarTimeReader.Read(start, zones, problems);
        var (durationValue, endTime) = ReadEnd(startTime, end, duration, zones, problems);
        return new CalendarEvent
        {
            Uid = Trimmed(text.GetValueOrDefault("UID")),
            Sequence = ReadSequence(text.GetValueOrDefault("SEQUENCE"), problems),
            Summary = text.GetValueOrDefault("SUMMARY"),
            Status = text.GetValueOrDefault("STATUS") is { } status ? CalendarText.Upper(status.AsSpan().Trim()) : null,
            Start = startTime,
            End = endTime,
            Duration = durationValue,
            Organizer = organizer is null ? null : CalendarPersonReader.Read(organizer),
            Attendees = attendees.ToImmutable(),
            Location = text.GetValueOrDefault("LOCATION"),
            Description = text.GetValueOrDefault("DESCRIPTION"),
            Url = Trimmed(text.GetValueOrDefault("URL")),
            Properties = properties.MoveToImmutable(),
        };
    }

    private static (TimeSpan? Duration, CalendarTime? End) ReadEnd(
        CalendarTime? start, ContentLine? end, ContentLine? duration, TimeZoneResolver zones, ProblemLog problems)
    {
        CalendarDuration? parsed = null;
        if (duration is not null)
        {
            if (CalendarDuration.TryParse(duration.Value, out var value))
            {
                parsed = value;
            }
            else
            {
                problems.Add($"DURATION '{ProblemLog.Snippet(duration.Value)}' is not a duration.");
            }
        }

        var total = parsed?.Total;
        if (end is not null)
        {
            return (total, CalendarTimeReader.Read(end, zones, problems));
        }

        if (start is null || parsed is not { } d)
        {
            return (total, null);
        }

        var computed = CalendarTimeReader.AddDuration(start, d, zones);
        if (computed is null)
        {
            problems.Add("DTSTART + DURATION cannot be worked out (out of range, or past the zone work budget); the event has no end.");
        }

        return (total, computed);
    }

    private static int? ReadSequence(string? value, ProblemLog problems)
    {
        if (value is null)
        {
            return null;
        }

        if (CalendarValues.TryParseLeadingInteger(value, out var sequence))
        {
            return sequence;
        }

        problems.Add($"SEQUENCE '{ProblemLog.Snippet(value)}' is not an integer.");
        return null;
    }

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
