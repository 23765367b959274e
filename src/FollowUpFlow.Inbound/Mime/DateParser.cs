using System.Globalization;

namespace FollowUpFlow.Inbound.Mime;

/// <summary>
/// Reads Date headers leniently: RFC 5322 and its obsolete forms (zone names, 2- and 3-digit years, no seconds, no weekday),
/// asctime order, ISO 8601, and junk around the parts. Tokens are read once; nothing backtracks.
/// </summary>
internal static class DateParser
{
    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    private static readonly Dictionary<string, int> ZoneHours = new(StringComparer.OrdinalIgnoreCase)
    {
        ["UT"] = 0, ["UTC"] = 0, ["GMT"] = 0, ["Z"] = 0, ["WET"] = 0,
        ["EST"] = -5, ["EDT"] = -4, ["CST"] = -6, ["CDT"] = -5, ["MST"] = -7, ["MDT"] = -6, ["PST"] = -8, ["PDT"] = -7,
        ["AKST"] = -9, ["AKDT"] = -8, ["HST"] = -10, ["AST"] = -4, ["ADT"] = -3,
        ["BST"] = 1, ["CET"] = 1, ["MET"] = 1, ["WEST"] = 1, ["CEST"] = 2, ["MEST"] = 2, ["EET"] = 2, ["EEST"] = 3,
        ["MSK"] = 3, ["JST"] = 9, ["KST"] = 9, ["AEST"] = 10, ["AEDT"] = 11, ["NZST"] = 12, ["NZDT"] = 13,
    };

    public static DateTimeOffset? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Trim();
        if (text.Length >= 10 && char.IsAsciiDigit(text[0]) && text[4] == '-' &&
            DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var iso))
        {
            return iso;
        }

        var parts = new DateParts();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '(')
            {
                i = SkipComment(text, i);
            }
            else if (char.IsAsciiLetter(c))
            {
                var start = i;
                while (i < text.Length && char.IsAsciiLetter(text[i]))
                {
                    i++;
                }

                parts.Word(text.AsSpan(start, i - start));
            }
            else if (char.IsAsciiDigit(c))
            {
                var start = i;
                while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == ':' || (text[i] == '.' && parts.InTime(text, start, i))))
                {
                    i++;
                }

                parts.Number(text.AsSpan(start, i - start));
            }
            else if ((c is '+' or '-') && parts.HasTime && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]))
            {
                var start = ++i;
                while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == ':'))
                {
                    i++;
                }

                parts.Offset(c == '-' ? -1 : 1, text.AsSpan(start, i - start));
            }
            else
            {
                i++;
            }
        }

        return parts.ToDate();
    }

    private static int SkipComment(string text, int i)
    {
        var close = text.IndexOf(')', i);
        return close < 0 ? text.Length : close + 1;
    }

    /// <summary>The fields found so far; each is taken from the first token that fits it.</summary>
    private sealed class DateParts
    {
        private int? day;
        private int? month;
        private int? year;
        private int hour;
        private int minute;
        private int second;
        private int pmShift;
        private TimeSpan? offset;

        public bool HasTime { get; private set; }

        // "12.30.00" is a time only when the token already looks like one (a dot after two digits, then digits).
        public bool InTime(string text, int start, int dot) => dot - start <= 2 && dot + 1 < text.Length && char.IsAsciiDigit(text[dot + 1]) && !HasTime && day is not null;

        public void Word(ReadOnlySpan<char> word)
        {
            if (month is null && word.Length >= 3)
            {
                for (var index = 0; index < Months.Length; index++)
                {
                    if (word.StartsWith(Months[index], StringComparison.OrdinalIgnoreCase))
                    {
                        month = index + 1;
                        return;
                    }
                }
            }

            if (word.Equals("pm", StringComparison.OrdinalIgnoreCase))
            {
                pmShift = 12;
            }
            else if (word.Equals("am", StringComparison.OrdinalIgnoreCase))
            {
                pmShift = 0;
            }
            else if (offset is null && HasTime && ZoneHours.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(word, out var hours))
            {
                offset = TimeSpan.FromHours(hours);
            }
            else if (offset is null && HasTime && word.Length == 1)
            {
                // Obsolete military zones are unreliable; RFC 5322 4.3 says to read them as -0000.
                offset = TimeSpan.Zero;
            }
        }

        public void Number(ReadOnlySpan<char> token)
        {
            if (token.ContainsAny(':', '.'))
            {
                if (!HasTime)
                {
                    ReadTime(token);
                }

                return;
            }

            if (!int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                return;
            }

            if (token.Length >= 3 && year is null)
            {
                year = token.Length == 3 ? 1900 + number : number;
            }
            else if (token.Length <= 2 && day is null)
            {
                day = number;
            }
            else if (token.Length <= 2 && year is null)
            {
                year = number < 50 ? 2000 + number : 1900 + number;
            }
        }

        public void Offset(int sign, ReadOnlySpan<char> digits)
        {
            if (offset is not null)
            {
                return;
            }

            var colon = digits.IndexOf(':');
            int hours;
            var minutes = 0;
            if (colon > 0)
            {
                _ = int.TryParse(digits[..colon], NumberStyles.None, CultureInfo.InvariantCulture, out hours);
                _ = int.TryParse(digits[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out minutes);
            }
            else if (digits.Length is 3 or 4 && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var hhmm))
            {
                hours = hhmm / 100;
                minutes = hhmm % 100;
            }
            else if (digits.Length <= 2 && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var hh))
            {
                hours = hh;
            }
            else
            {
                return;
            }

            if (hours <= 14 && minutes < 60)
            {
                offset = sign * new TimeSpan(hours, minutes, 0);
            }
        }

        public DateTimeOffset? ToDate()
        {
            if (day is not { } d || month is not { } m || year is not { } y || y is < 1 or > 9999 || d < 1 || d > DateTime.DaysInMonth(y, m))
            {
                return null;
            }

            var h = hour < 12 ? hour + pmShift : hour;
            if (h > 23 || minute > 59)
            {
                return null;
            }

            return new DateTimeOffset(y, m, d, h, minute, Math.Min(second, 59), offset ?? TimeSpan.Zero);
        }

        private void ReadTime(ReadOnlySpan<char> token)
        {
            Span<int> values = stackalloc int[3];
            var count = 0;
            foreach (var range in token.SplitAny(':', '.'))
            {
                if (count == 3 || !int.TryParse(token[range], NumberStyles.None, CultureInfo.InvariantCulture, out values[count]))
                {
                    return;
                }

                count++;
            }

            if (count < 2)
            {
                return;
            }

            hour = values[0];
            minute = values[1];
            second = count == 3 ? values[2] : 0;
            HasTime = true;
        }
    }
}
