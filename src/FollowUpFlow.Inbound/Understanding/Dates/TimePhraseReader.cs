namespace FollowUpFlow.Inbound.Understanding.Dates;

/// <summary>Reads one clock time: "2pm", "2:00 p.m.", "14:00", "14h30", "14 h 30", "14.30 Uhr", "10 Uhr", "noon", "midi".</summary>
internal static class TimePhraseReader
{
    /// <param name="allowBare">Accept a bare number ("2" in "from 2 to 3pm"); the range reader decides whether it stands.</param>
    /// <param name="afterLead">An "at", "à", "um" or range word comes before: "à 9h" is a time even though "1h" alone is a duration.</param>
    public static bool TryRead(DateTokens t, int i, bool allowBare, bool afterLead, out TimePhrase time)
    {
        time = default;
        if (i >= t.Count)
        {
            return false;
        }

        if (t.IsWord(i, WordRole.Noon | WordRole.Midnight))
        {
            time = new TimePhrase { First = i, Last = i, WrittenHour = 12, Meridiem = t.IsWord(i, WordRole.Noon) ? 12 : 0, DayPeriod = -1, Marked = true };
            return true;
        }

        if (!t.IsSmallNumber(i) || t[i].Value > 24)
        {
            return false;
        }

        var read = new TimePhrase { First = i, WrittenHour = t[i].Value, Meridiem = -1, DayPeriod = -1 };
        int q = i + 1;
        bool colon = false, hourMark = false, uhr = false;
        if (t.IsSymbol(q, ':') && t.Attached(q) && IsMinutes(t, q + 1, attached: true))
        {
            colon = true;
            read.Minute = t[q + 1].Value;
            q += 2;
            if (t.IsSymbol(q, ':') && t.Attached(q) && IsMinutes(t, q + 1, attached: true))
            {
                read.HasSeconds = true;
                q += 2;
            }

            if (t.IsKey(q, "h") && t.Attached(q))
            {
                hourMark = true; // "14:00h"
                q++;
            }
        }
        else if (t.IsWord(q, WordRole.HourMark) && t.SameLine(q))
        {
            hourMark = true;
            q++;
            if (IsMinutes(t, q, attached: false))
            {
                read.Minute = t[q].Value;
                q++;
            }
            else if (!afterLead && read.WrittenHour < 5)
            {
                return false; // "(1h)" is a duration; "à 1h" is a time
            }
        }
        else if (t.IsSymbol(q, '.') && t.Attached(q) && IsMinutes(t, q + 1, attached: true)
            && (t.IsWord(q + 2, WordRole.Uhr) || TryMeridiem(t, q + 2, read.WrittenHour, out _, out _)))
        {
            read.Minute = t[q + 1].Value; // "14.30 Uhr", "2.30pm"
            q += 2;
        }

        if (t.IsWord(q, WordRole.Uhr) && t.SameLine(q))
        {
            uhr = true;
            q++;
        }
        else if (TryMeridiem(t, q, read.WrittenHour, out read.Meridiem, out int afterMeridiem))
        {
            q = afterMeridiem;
        }
        else if (IsOClock(t, q, out int afterClock))
        {
            uhr = true;
            q = afterClock;
        }
        else if (read.WrittenHour == 12 && t.IsWord(q, WordRole.Noon) && t.SameLine(q))
        {
            read.Meridiem = 12; // "12 noon", "12:00 noon"
            q++;
        }

        if (DayPeriodReader.TryRead(t, q, out read.DayPeriod, out int periodLast))
        {
            q = periodLast + 1;
        }

        if (EndsInsideNumber(t, q))
        {
            return false; // "14:00:00:00", "12:30.5"
        }

        read.Last = q - 1;
        read.Marked = colon || hourMark || uhr || read.Meridiem >= 0 || read.DayPeriod >= 0;
        read.ColonOnly = colon && !hourMark && !uhr && read.Meridiem < 0 && read.DayPeriod < 0;
        bool valid = read.Meridiem >= 0 ? read.WrittenHour is >= 1 and <= 12 : read.WrittenHour <= 23;
        if (!valid || (!read.Marked && !allowBare))
        {
            return false;
        }

        time = read;
        return true;
    }

    private static bool IsMinutes(DateTokens t, int i, bool attached) =>
        t.IsNumber(i) && t[i].Length == 2 && t[i].Value < 60 && (attached ? t.Attached(i) : t.SameLine(i));

    // am, pm, a.m., p.m., AM. German "am" is "on the" when a 24-hour clock or a German date follows: "14:00 am Dienstag".
    private static bool TryMeridiem(DateTokens t, int i, int hour, out int meridiem, out int next)
    {
        meridiem = -1;
        next = i;
        if (!t.SameLine(i))
        {
            return false;
        }

        if (t.IsWord(i, WordRole.Meridiem))
        {
            if (t.IsKey(i, "am") && (hour > 12 || GermanDateFollows(t, i + 1)))
            {
                return false;
            }

            meridiem = t[i].Lex.Number;
            next = i + 1;
        }
        else if ((t.IsKey(i, "a") || t.IsKey(i, "p")) && t.IsSymbol(i + 1, '.') && t.Attached(i + 1) && t.IsKey(i + 2, "m") && t.Attached(i + 2))
        {
            meridiem = t.IsKey(i, "p") ? 12 : 0;
            next = t.IsSymbol(i + 3, '.') && t.Attached(i + 3) ? i + 4 : i + 3;
        }
        else
        {
            return false;
        }

        return true;
    }

    private static bool GermanDateFollows(DateTokens t, int i) =>
        (t.IsWord(i, WordRole.Weekday | WordRole.RelativeDay) && (t[i].Lex.Lang & Lang.En) == 0)
        || (t.IsSmallNumber(i) && t.IsSymbol(i + 1, '.') && t.Attached(i + 1));

    private static bool IsOClock(DateTokens t, int i, out int next)
    {
        next = i;
        if (t.IsKey(i, "oclock") && t.SameLine(i))
        {
            next = i + 1;
            return true;
        }

        if (t.IsKey(i, "o") && t.SameLine(i) && t.IsSymbol(i + 1, '\'') && t.IsKey(i + 2, "clock"))
        {
            next = i + 3;
            return true;
        }

        return false;
    }

    private static bool EndsInsideNumber(DateTokens t, int i) =>
        (t.IsSymbol(i, ':') || t.IsSymbol(i, '.') || t.IsSymbol(i, ',')) && t.Attached(i) && t.IsNumber(i + 1) && t.Attached(i + 1);
}
