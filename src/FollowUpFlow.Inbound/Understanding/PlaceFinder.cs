using FollowUpFlow.Inbound.Understanding.Dates;
using System.Text.RegularExpressions;
using FollowUpFlow.Inbound.Calendar;

namespace FollowUpFlow.Inbound.Understanding;

/// <summary>Where the interview is: a video link (Teams, Zoom, Meet, Webex) and/or a physical place.</summary>
internal static class PlaceFinder
{
    private static readonly Regex LabelledPlace = SafeRegex.Create(
        @"^[ \t*•-]*(?i:location|address|where|venue|office|place|ort|adresse|anschrift|treffpunkt|lieu|adresse du lieu)\s*:\s*(?<place>[^\n]{3,200})(?:\n[ \t]*(?<more>[^\n:]{3,120}))?$",
        RegexOptions.Multiline);

    private static readonly string[] VirtualWords =
    [
        "microsoft teams", "teams meeting", "zoom", "google meet", "webex", "video call", "videocall", "phone", "telephone", "online", "virtual",
        "remote", "http", "www.", "videokonferenz", "visio", "telefon", "see below", "siehe unten", "voir ci-dessous", "tbd", "to be confirmed",
    ];

    /// <param name="quoted">Older text below the message ("same link as before"): used for the link only when the message itself has none.</param>
    public static (string? MeetingUrl, double UrlConfidence, string? Location, double LocationConfidence) Find(CalendarEvent? calendar, string body, string quoted)
    {
        var url = calendar is null ? null : CalendarMeetingLinks.FindMeetingUrl(calendar);
        url ??= CalendarMeetingLinks.FindIn(body) ?? CalendarMeetingLinks.FindIn(quoted);
        var location = calendar?.Location is { } calendarPlace && IsPhysical(calendarPlace) ? calendarPlace.Trim() : null;
        var locationConfidence = location is null ? 0.0 : 0.9;
        if (location is null)
        {
            foreach (var match in SafeRegex.Matches(LabelledPlace, body))
            {
                var place = match.Groups["place"].Value.Trim().TrimEnd('.');
                if (!IsPhysical(place))
                {
                    continue;
                }

                var more = match.Groups["more"].Value.Trim();
                if (more.Length > 0 && LooksLikeAddressLine(more))
                {
                    place = $"{place}, {more.TrimEnd('.')}";
                }

                location = place;
                locationConfidence = 0.75;
                break;
            }
        }

        return (url, url is null ? 0.6 : 0.9, location, location is null ? 0.6 : locationConfidence);
    }

    private static bool IsPhysical(string place)
    {
        var folded = TextFolding.Fold(place);
        return folded.Length >= 3 && !VirtualWords.Any(w => folded.Contains(w, StringComparison.Ordinal));
    }

    // A continuation line of an address has a postcode, a street number or a floor, and is not a sentence of its own.
    private static bool LooksLikeAddressLine(string line) =>
        line.Any(char.IsDigit) && line.Length < 80 && !line.Contains("http", StringComparison.OrdinalIgnoreCase) && !IsSentence(line);

    private static bool IsSentence(string line) =>
        line.TrimEnd().EndsWith('.') && line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Count(w => char.IsLower(w[0])) >= 2;
}
