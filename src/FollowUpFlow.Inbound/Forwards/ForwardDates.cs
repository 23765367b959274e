using FollowUpFlow.Inbound.Mime;
using FollowUpFlow.Inbound.Understanding.Dates;

namespace FollowUpFlow.Inbound.Forwards;

/// <summary>Dates as forwarded blocks print them: RFC 5322 (Thunderbird) or a mail program's own wording, in several languages.</summary>
internal static class ForwardDates
{
    public static DateTimeOffset? Parse(string? value, DateTimeOffset? reference, string defaultTimeZone)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateParser.Parse(value) is { } rfcDate)
        {
            return rfcDate;
        }

        var matches = TextDateFinder.Find(value, reference ?? DateTimeOffset.UnixEpoch, defaultTimeZone);
        var dated = matches.FirstOrDefault(m => m.HasDate);
        return dated?.Start;
    }
}
