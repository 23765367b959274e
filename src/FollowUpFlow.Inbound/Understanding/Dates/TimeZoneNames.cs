using TimeZoneConverter;

namespace FollowUpFlow.Inbound.Understanding.Dates;

/// <summary>Turns the zone names people write in emails into IANA ids.</summary>
public static class TimeZoneNames
{
    private const int LongestInput = 200;

    /// <summary>IANA id for an abbreviation/name/offset as written in emails, or null.</summary>
    /// <remarks>
    /// Abbreviations name a region, not a season: "EST" and "EDT" both give America/New_York. A bare whole-hour offset
    /// gives Etc/GMT∓N (IANA inverts the sign: "GMT+1" is Etc/GMT-1); a half-hour offset gives the one zone that keeps it
    /// all year ("UTC+05:30" is Asia/Kolkata) or null when no zone does ("UTC-03:30"). A zone name after an offset
    /// wins over the offset ("(GMT+01:00) Amsterdam, Berlin" is Europe/Amsterdam). IANA and Windows ids pass through.
    /// </remarks>
    public static string? Resolve(string token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > LongestInput)
        {
            return null;
        }

        var trimmed = token.Trim();
        if (trimmed.Contains('/', StringComparison.Ordinal) && ZoneClock.Find(trimmed) is not null)
        {
            return trimmed;
        }

        var key = ZoneCatalog.Key(trimmed);
        if (ZoneCatalog.TryGet(key, out var entry) || ZoneCatalog.TryGet(WithoutRegionNote(key), out entry))
        {
            return entry.Zone;
        }

        if (TryReadOffset(key, out int minutes, out var rest))
        {
            return FirstName(rest) ?? FromOffset(minutes);
        }

        return TZConvert.TryWindowsToIana(trimmed, out var iana) ? iana : null;
    }

    /// <summary>The IANA zone for a bare UTC offset in minutes, or null when no zone keeps that offset all year.</summary>
    internal static string? FromOffset(int minutes)
    {
        if (minutes == 0)
        {
            return "UTC";
        }

        if (minutes % 60 == 0 && minutes is >= -12 * 60 and <= 14 * 60)
        {
            int hours = minutes / 60;
            return hours > 0 ? $"Etc/GMT-{hours}" : $"Etc/GMT+{-hours}";
        }

        return minutes switch
        {
            330 => "Asia/Kolkata",
            345 => "Asia/Kathmandu",
            270 => "Asia/Kabul",
            210 => "Asia/Tehran",
            390 => "Asia/Yangon",
            525 => "Australia/Eucla",
            570 => "Australia/Darwin",
            -570 => "Pacific/Marquesas",
            _ => null,
        };
    }

    // Outlook writes "Pacific Time (US & Canada)".
    private static string WithoutRegionNote(string key)
    {
        foreach (var note in (ReadOnlySpan<string>)[" us canada", " us and canada"])
        {
            if (key.EndsWith(note, StringComparison.Ordinal))
            {
                return key[..^note.Length];
            }
        }

        return key;
    }

    // "gmt+01:00 amsterdam berlin", "utc-5", "+0530": the offset in minutes and the words after it.
    private static bool TryReadOffset(string key, out int minutes, out string rest)
    {
        minutes = 0;
        rest = "";
        var text = key.AsSpan();
        foreach (var prefix in (ReadOnlySpan<string>)["gmt", "utc"])
        {
            if (text.StartsWith(prefix, StringComparison.Ordinal))
            {
                text = text[prefix.Length..].TrimStart(' ');
                break;
            }
        }

        if (text.IsEmpty || text[0] is not ('+' or '-'))
        {
            return false;
        }

        int sign = text[0] == '-' ? -1 : 1;
        text = text[1..];
        int digits = 0;
        while (digits < text.Length && char.IsAsciiDigit(text[digits]))
        {
            digits++;
        }

        int hours, mins = 0;
        if (digits == 4)
        {
            hours = ((text[0] - '0') * 10) + (text[1] - '0');
            mins = ((text[2] - '0') * 10) + (text[3] - '0');
            text = text[4..];
        }
        else if (digits is 1 or 2)
        {
            hours = digits == 1 ? text[0] - '0' : ((text[0] - '0') * 10) + (text[1] - '0');
            text = text[digits..];
            if (text.Length >= 3 && text[0] == ':' && char.IsAsciiDigit(text[1]) && char.IsAsciiDigit(text[2]))
            {
                mins = ((text[1] - '0') * 10) + (text[2] - '0');
                text = text[3..];
            }
        }
        else
        {
            return false;
        }

        if (hours > 14 || mins >= 60 || (!text.IsEmpty && text[0] != ' '))
        {
            return false;
        }

        minutes = sign * ((hours * 60) + mins);
        rest = text.Trim(' ').ToString();
        return true;
    }

    // The first zone name among the words ("amsterdam berlin bern" gives Europe/Amsterdam), longest name first.
    private static string? FirstName(string words)
    {
        var parts = words.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (int start = 0; start < parts.Length; start++)
        {
            for (int count = Math.Min(ZoneCatalog.LongestName, parts.Length - start); count > 0; count--)
            {
                if (ZoneCatalog.TryGet(string.Join(' ', parts, start, count), out var entry))
                {
                    return entry.Zone;
                }
            }
        }

        return null;
    }
}
