namespace FollowUpFlow.Inbound.Calendar;

/// <summary>
/// A DURATION value (RFC 5545 3.3.6). Days and weeks are nominal (wall-clock days, which DST can stretch);
/// hours, minutes and seconds are exact, so they are kept apart.
/// </summary>
internal readonly record struct CalendarDuration(int Days, TimeSpan Time)
{
    private const int MaxDays = 3_660_000;

    public TimeSpan Total => TimeSpan.FromDays(Days) + Time;

    /// <summary>Reads <c>[+-]P(nW | nD[T[nH][nM][nS]] | T...)</c>, tolerating lower case and surrounding spaces.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out CalendarDuration duration)
    {
        duration = default;
        text = text.Trim();
        var negative = false;
        if (!text.IsEmpty && text[0] is '+' or '-')
        {
            negative = text[0] == '-';
            text = text[1..];
        }

        if (text.IsEmpty || char.ToUpperInvariant(text[0]) != 'P')
        {
            return false;
        }

        long days = 0;
        long seconds = 0;
        var inTime = false;
        var anyPart = false;
        var i = 1;
        while (i < text.Length)
        {
            if (char.ToUpperInvariant(text[i]) == 'T' && !inTime)
            {
                inTime = true;
                i++;
                continue;
            }

            var digitsStart = i;
            long number = 0;
            while (i < text.Length && char.IsAsciiDigit(text[i]) && i - digitsStart < 9)
            {
                number = (number * 10) + (text[i] - '0');
                i++;
            }

            if (i == digitsStart || i == text.Length)
            {
                return false;
            }

            switch (char.ToUpperInvariant(text[i]), inTime)
            {
                case ('W', false): days += number * 7; break;
                case ('D', false): days += number; break;
                case ('H', true): seconds += number * 3600; break;
                case ('M', true): seconds += number * 60; break;
                case ('S', true): seconds += number; break;
                default: return false;
            }

            anyPart = true;
            i++;
            if (days > MaxDays || seconds > MaxDays * 86_400L)
            {
                return false;
            }
        }

        if (!anyPart)
        {
            return false;
        }

        var sign = negative ? -1 : 1;
        duration = new CalendarDuration((int)(sign * days), TimeSpan.FromSeconds(sign * seconds));
        return true;
    }
}
