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

        // A written zone ("EST", "MEZ") or an RFC 5322 offset ("-0500") says where; otherwise the default zone does,
        // which is why the RFC reading (that takes a missing zone as UTC) is only trusted when it saw an offset.
        var dated = TextDateFinder.Find(value, reference ?? DateTimeOffset.UnixEpoch, defaultTimeZone).FirstOrDefault(m => m.HasDate);
        if (dated is { ExplicitZone: true })
        {
            // The RFC reading keeps the seconds Apple Mail writes; it is the same minute when both read the same zone.
            return DateParser.Parse(value) is { } precise && Math.Abs((precise - dated.Start).TotalSeconds) < 60 ? precise : dated.Start;
        }

        if (HasNumericOffset(value) && DateParser.Parse(value) is { } rfcDate)
        {
            return rfcDate;
        }

        return dated?.Start ?? DateParser.Parse(value);
    }

    private static bool HasNumericOffset(string value)
    {
        for (var i = 0; i + 4 < value.Length; i++)
        {
            if (value[i] is '+' or '-' && char.IsAsciiDigit(value[i + 1]) && char.IsAsciiDigit(value[i + 2]) && char.IsAsciiDigit(value[i + 3]) && char.IsAsciiDigit(value[i + 4])
                && (i == 0 || value[i - 1] == ' '))
            {
                return true;
            }
        }

        return false;
    }
}
