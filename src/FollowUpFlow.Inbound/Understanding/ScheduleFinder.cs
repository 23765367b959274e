using FollowUpFlow.Inbound.Calendar;
using FollowUpFlow.Inbound.Understanding.Dates;

namespace FollowUpFlow.Inbound.Understanding;

/// <summary>
/// Finds when the interview is. A calendar event is the most reliable source; otherwise the dates in
/// the original's own words, scored by how complete they are and what surrounds them. In a reschedule the
/// new time wins over the old one.
/// </summary>
internal static class ScheduleFinder
{
    private const int ContextChars = 90;

    private static readonly string[] InterviewWords =
    [
        "interview", "scheduled", "confirmed", "confirm", "meeting", "call", "meet", "invite", "new time", "moved to", "rescheduled", "when:",
        "date:", "time:", "gesprach", "termin", "uhrzeit", "datum:", "entretien", "rendez-vous", "heure", "date :", "wann:", "quand",
    ];

    private static readonly string[] NewWords = ["new time", "moved to", "move it to", "now be", "now on", "now at", "instead", "new date", "new slot", "updated time", "rescheduled to", "rescheduled for", "neuer termin", "neue uhrzeit", "verschoben auf", "neu:", "nouvel horaire", "nouvelle date", "reporte au", "decale au", "desormais", "neuen termin"];

    private static readonly string[] OldWords = ["originally", "previously", "was scheduled", "were scheduled", "instead of", "old time", "ursprunglich", "statt", "anstatt", "bisher", "initialement", "au lieu de", "prevu le", "prevu initialement"];

    /// <param name="textMatches">The dates <see cref="TextDateFinder"/> found in <paramref name="body"/>.</param>
    public static Schedule Find(CalendarEvent? calendarEvent, IReadOnlyList<TextDateMatch> textMatches, string body, string subject, DateTimeOffset sentAt, string candidateTimeZone, bool isReschedule)
    {
        var zoneFromText = textMatches.FirstOrDefault(m => m.ExplicitZone)?.TimeZone;
        if (calendarEvent?.Start is { Kind: not CalendarTimeKind.Date } start)
        {
            return FromCalendar(calendarEvent, start, zoneFromText, candidateTimeZone);
        }

        var best = Best(textMatches, body, isReschedule);
        if (best is null)
        {
            var fromSubject = Best(TextDateFinder.Find(subject, sentAt, candidateTimeZone), subject, isReschedule);
            if (fromSubject is null)
            {
                return Schedule.None;
            }

            best = fromSubject;
        }

        var startConfidence = best.Confidence;
        var endConfidence = best.End is null ? 0 : best.Confidence;
        var zoneConfidence = best.ExplicitZone ? 0.9 : 0.55;
        return new Schedule(best.Start, best.End, best.TimeZone, startConfidence, endConfidence, zoneConfidence);
    }

    private static Schedule FromCalendar(CalendarEvent evt, CalendarTime start, string? zoneFromText, string candidateTimeZone)
    {
        // The event's own zone; an event written in UTC (as Google often sends) takes the zone the text names, else the candidate's.
        var zone = start.Kind == CalendarTimeKind.Zoned && start.TimeZone is { } named && named != "UTC"
            ? named
            : zoneFromText ?? candidateTimeZone;
        var tz = Zones.Find(zone);
        if (tz is null)
        {
            zone = candidateTimeZone;
            tz = Zones.Find(zone) ?? TimeZoneInfo.Utc;
        }

        var startInstant = start.Instant ?? Zones.FromWallClock(start.Local, tz);
        DateTimeOffset? endInstant = evt.End switch
        {
            { Instant: { } instant } => instant,
            { Kind: not CalendarTimeKind.Date } end => Zones.FromWallClock(end.Local, tz),
            _ => evt.Duration is { } duration && duration > TimeSpan.Zero && duration < TimeSpan.FromDays(31) && startInstant.Year < 9000 ? startInstant + duration : null,
        };

        var zoneConfidence = start.Kind == CalendarTimeKind.Zoned ? 0.95 : zoneFromText is not null ? 0.8 : 0.5;
        return new Schedule(
            Zones.ToZone(startInstant, tz),
            endInstant is { } e ? Zones.ToZone(e, tz) : null,
            zone,
            start.Kind == CalendarTimeKind.Floating ? 0.75 : 0.97,
            endInstant is null ? 0 : 0.95,
            zoneConfidence);
    }

    /// <summary>True when some mention is a time on a known day: what a confirmation or a reschedule needs.</summary>
    public static bool HasDatedTime(IReadOnlyList<TextDateMatch> matches) => matches.Any(m => m.HasTime && (m.HasDate || m.IsRelative));

    private static TextDateMatch? Best(IReadOnlyList<TextDateMatch> matches, string text, bool isReschedule)
    {
        TextDateMatch? best = null;
        var bestScore = double.MinValue;
        for (var i = 0; i < matches.Count; i++)
        {
            var match = matches[i];
            if (!match.HasTime || !(match.HasDate || match.IsRelative))
            {
                continue;
            }

            var before = TextFolding.Fold(text.AsSpan(Math.Max(0, match.Index - ContextChars), Math.Min(ContextChars, match.Index)));
            var score = match.Confidence;
            score += InterviewWords.Any(w => before.Contains(w, StringComparison.Ordinal)) ? 0.3 : 0;
            score += match.End is not null ? 0.1 : 0;
            score -= i * 0.02; // the first mention is usually the one that matters
            if (isReschedule)
            {
                score += NewWords.Any(w => before.Contains(w, StringComparison.Ordinal)) ? 0.8 : 0;
                score -= OldWords.Any(w => before.Contains(w, StringComparison.Ordinal)) ? 0.9 : 0;
                score += i * 0.03; // the new time tends to follow the old one
                var nearBefore = before.TrimEnd();
                score += nearBefore.EndsWith(" to", StringComparison.Ordinal) || nearBefore.EndsWith(" auf", StringComparison.Ordinal) || nearBefore.EndsWith(" au", StringComparison.Ordinal) ? 0.6 : 0;
                score -= nearBefore.EndsWith(" from", StringComparison.Ordinal) || nearBefore.EndsWith(" von", StringComparison.Ordinal) || nearBefore.EndsWith(" du", StringComparison.Ordinal) ? 0.6 : 0;
            }

            if (score > bestScore)
            {
                best = match;
                bestScore = score;
            }
        }

        return best;
    }
}
