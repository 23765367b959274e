namespace FollowUpFlow.Inbound.Calendar;

/// <summary>Readers for the iCalendar value types the calendar reader needs: DATE, DATE-TIME, UTC-OFFSET, INTEGER.</summary>
internal static class CalendarValues
{
    /// <summary>
    /// Reads a DATE (<c>yyyyMMdd</c>) or DATE-TIME (<c>yyyyMMddTHHmm[ss][Z]</c>). The shape decides which, whatever
    /// VALUE= says. Leap seconds are read as :59; 24:00:00 as midnight of the next day.
    /// </summary>
    public static bool TryParseDateTime(ReadOnlySpan<char> text, out DateTime value, out bool isDate, out bool isUtc)
    {
        value = default;
        isDate = false;
        isUtc = false;
        text = text.Trim();
        if (text.Length > 0 && text[^1] is 'Z' or 'z')
        {
            isUtc = true;
            text = text[..^1];
        }

        if (text.Length < 8 || !TryDigits(text[..4], out var year) || !TryDigits(text.Slice(4, 2), out var month)
            || !TryDigits(text.Slice(6, 2), out var day) || year < 1 || month is < 1 or > 12 || day < 1
            || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        var date = new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Unspecified);
        if (text.Length == 8)
        {
            isDate = !isUtc;
            value = date;
            return !isUtc;
        }

        if (text.Length is not (13 or 15) || text[8] is not ('T' or 't') || !TryDigits(text.Slice(9, 2), out var hour)
            || !TryDigits(text.Slice(11, 2), out var minute))
        {
            return false;
        }

        var second = 0;
        if (text.Length == 15 && !TryDigits(text.Slice(13, 2), out second))
        {
            return false;
        }

        if (hour == 24 && minute == 0 && second == 0)
        {
            return ZoneClock.TryShift(date, TimeSpan.FromDays(1), out value);
        }

        if (hour > 23 || minute > 59 || second > 60)
        {
            return false;
        }

        value = date.Add(new TimeSpan(hour, minute, Math.Min(second, 59)));
        return true;
    }

    /// <summary>Reads <c>(+|-)HHMM[SS]</c> (a colon between parts is tolerated).</summary>
    public static bool TryParseUtcOffset(ReadOnlySpan<char> text, out TimeSpan offset)
    {
        offset = default;
        text = text.Trim();
        if (text.Length < 5 || text[0] is not ('+' or '-'))
        {
            return false;
        }

        Span<char> digits = stackalloc char[6];
        var count = 0;
        foreach (var c in text[1..])
        {
            if (c == ':')
            {
                continue;
            }

            if (!char.IsAsciiDigit(c) || count == digits.Length)
            {
                return false;
            }

            digits[count++] = c;
        }

        if (count is not (4 or 6))
        {
            return false;
        }

        _ = TryDigits(digits[..2], out var hours);
        _ = TryDigits(digits.Slice(2, 2), out var minutes);
        var seconds = 0;
        _ = count == 6 && TryDigits(digits.Slice(4, 2), out seconds);
        if (hours > 23 || minutes > 59 || seconds > 59)
        {
            return false;
        }

        offset = new TimeSpan(hours, minutes, seconds);
        if (text[0] == '-')
        {
            offset = -offset;
        }

        return true;
    }

    /// <summary>Reads an optionally signed integer at the start of the text, ignoring anything after its digits.</summary>
    public static bool TryParseLeadingInteger(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        text = text.Trim();
        var negative = false;
        if (!text.IsEmpty && text[0] is '+' or '-')
        {
            negative = text[0] == '-';
            text = text[1..];
        }

        var digits = 0;
        long number = 0;
        while (digits < text.Length && char.IsAsciiDigit(text[digits]))
        {
            number = (number * 10) + (text[digits] - '0');
            if (number > int.MaxValue)
            {
                return false;
            }

            digits++;
        }

        value = (int)(negative ? -number : number);
        return digits > 0;
    }

    /// <summary>The first value of a comma-separated list (a property written with several).</summary>
    public static ReadOnlySpan<char> FirstOfList(string value)
    {
        var comma = value.IndexOf(',');
        return (comma < 0 ? value.AsSpan() : value.AsSpan(0, comma)).Trim();
    }

    private static bool TryDigits(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }
}
