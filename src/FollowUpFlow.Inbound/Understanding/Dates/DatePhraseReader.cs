namespace FollowUpFlow.Inbound.Understanding.Dates;

/// <summary>Reads one date as written: calendar dates in words or numbers, relative days and weekdays.</summary>
internal static class DatePhraseReader
{
    private const int FirstYear = 1900;
    private const int LastYear = 2200;

    public static bool TryRead(DateTokens t, int i, out DatePhrase date)
    {
        if (i < t.Count && t[i].Kind == TokenKind.Number)
        {
            return TryCalendar(t, i, out date);
        }

        return TryRelativeDay(t, i, out date)
            || TryWeekdayWithCalendar(t, i, out date)
            || (t.IsWord(i, WordRole.Month) && TryMonthFirst(t, i, out date))
            || TryWeekday(t, i, out date);
    }

    private static DatePhrase Blank(int first) => new() { First = first, Last = first, Weekday = -1, DayPeriod = -1 };

    /// <summary>Day and month written: "December 8, 2026", "8 Dec", "8. Dezember", "08.12.2026", "12/08", "2026-12-08".</summary>
    private static bool TryCalendar(DateTokens t, int i, out DatePhrase date)
    {
        if (t.IsNumber(i))
        {
            return TryDayFirst(t, i, out date) || TryNumeric(t, i, out date);
        }

        date = default;
        return t.IsWord(i, WordRole.Month) && TryMonthFirst(t, i, out date);
    }

    // today, tomorrow, heute, morgen, übermorgen, aujourd'hui, demain, après-demain (and "tomorrow afternoon").
    private static bool TryRelativeDay(DateTokens t, int i, out DatePhrase date)
    {
        date = Blank(i);
        if (t.IsKey(i, "apres") && t.IsSymbol(i + 1, '-') && t.IsKey(i + 2, "demain"))
        {
            date.RelativeDays = 2;
            date.Last = i + 2;
        }
        else if (t.IsWord(i, WordRole.RelativeDay) && !IsMorningNoun(t, i))
        {
            date.RelativeDays = t[i].Lex.Number;
            bool aujourdhui = t.IsKey(i, "aujourd") && t.IsSymbol(i + 1, '\'') && t.IsKey(i + 2, "hui");
            date.Last = aujourdhui ? i + 2 : i;
            date.DayPeriod = t.IsKey(i, "tonight") ? 12 : -1;
        }
        else
        {
            return false;
        }

        date.Form = DateForm.RelativeDay;
        if (DayPeriodReader.TryRead(t, date.Last + 1, out int period, out int periodLast))
        {
            date.DayPeriod = period;
            date.Last = periodLast;
        }

        return true;
    }

    // "Guten Morgen", "jeden Morgen", "heute Morgen": the morning, not tomorrow.
    private static bool IsMorningNoun(DateTokens t, int i) =>
        t.IsKey(i, "morgen") && i > 0
        && (t.IsKey(i - 1, "guten") || t.IsKey(i - 1, "jeden") || t.IsKey(i - 1, "gestern") || t.IsKey(i - 1, "schonen")
            || t.IsKey(i - 1, "einen") || t.IsKey(i - 1, "heute") || t.IsKey(i - 1, "am") || t.IsKey(i - 1, "den"));

    // "Tuesday, December 8, 2026", "Tue, Dec 8", "Di., 08.12.", "mardi 8 décembre", "Montag, den 14. Dezember".
    private static bool TryWeekdayWithCalendar(DateTokens t, int i, out DatePhrase date)
    {
        date = default;
        if (!t.IsWord(i, WordRole.Weekday))
        {
            return false;
        }

        int q = AfterWeekday(t, i);
        int r = t.IsWord(q, WordRole.DateLead | WordRole.The) ? q + 1 : q;
        if (!t.SameLine(r) || (t.IsWord(i, WordRole.Tiny) && !IsGermanTiny(t, i, r)) || !TryCalendar(t, r, out var calendar))
        {
            return false;
        }

        date = calendar;
        date.First = i;
        date.Weekday = t[i].Lex.Weekday;
        date.NeedsContext = false;
        return true;
    }

    // "Do 10.12." but not "can we do 12/8": German writes the two-letter weekday capitalized, before a numeric day.
    private static bool IsGermanTiny(DateTokens t, int weekday, int day) =>
        char.IsUpper(t.Text[t[weekday].Start]) && t.IsNumber(day);

    // "Friday", "this Friday", "next Tuesday", "nächsten Dienstag", "mardi prochain", "Monday the 14th", "lundi 14".
    private static bool TryWeekday(DateTokens t, int i, out DatePhrase date)
    {
        date = Blank(i);
        int p = i;
        bool modified = t.IsWord(i, WordRole.ThisModifier | WordRole.NextModifier) && t.IsWord(i + 1, WordRole.Weekday) && t.SameLine(i + 1);
        if (modified)
        {
            date.Next = t.IsWord(i, WordRole.NextModifier);
            p = i + 1;
        }
        else if (!t.IsWord(i, WordRole.Weekday))
        {
            return false;
        }

        if (t.IsWord(p, WordRole.Tiny) && (modified || !IsGermanTiny(t, p, AfterWeekday(t, p))))
        {
            return false; // "Do", "So", "Mi" only count in front of a day: "Do 10."
        }

        date.Weekday = t[p].Lex.Weekday;
        date.Last = p;
        date.Form = DateForm.Weekday;
        if (!modified && TryDayOfMonth(t, p, out int day, out int dayLast))
        {
            date.Form = DateForm.WeekdayAndDay;
            date.Day = day;
            date.Last = dayLast;
            return true;
        }

        if (t.IsWord(p, WordRole.Tiny))
        {
            return false; // a two-letter weekday without its day
        }

        if (t.IsWord(p + 1, WordRole.NextSuffix) && t.SameLine(p + 1))
        {
            date.Next = true;
            date.Last = p + 1;
        }

        date.NeedsTime = !modified && date.Last == p && t.IsWord(p, WordRole.Short | WordRole.Tiny);
        return true;
    }

    // After a weekday: "the 14th", "den 14.", "le 14", or a French weekday's bare "14".
    private static bool TryDayOfMonth(DateTokens t, int weekday, out int day, out int last)
    {
        day = 0;
        last = weekday;
        int q = AfterWeekday(t, weekday);
        bool article = t.IsWord(q, WordRole.The | WordRole.DateLead) && t.SameLine(q);
        int n = article ? q + 1 : q;
        if (!t.IsSmallNumber(n) || !t.SameLine(n) || t[n].Value is < 1 or > 31)
        {
            return false;
        }

        bool ordinal = t.IsWord(n + 1, WordRole.Ordinal) && t.Attached(n + 1);
        bool germanDot = t.IsSymbol(n + 1, '.') && t.Attached(n + 1) && !(t.IsNumber(n + 2) && t.Attached(n + 2));
        bool french = (t[weekday].Lex.Lang & Lang.Fr) != 0;
        bool isTime = TimePhraseReader.TryRead(t, n, allowBare: false, afterLead: true, out _);
        if (!ordinal && !germanDot && (isTime || !(article || french)))
        {
            return false;
        }

        day = t[n].Value;
        last = ordinal || germanDot ? n + 1 : n;
        return true;
    }

    private static int AfterWeekday(DateTokens t, int weekday)
    {
        int q = weekday + 1;
        if (t.IsSymbol(q, '.') && t.Attached(q))
        {
            q++;
        }

        return t.IsSymbol(q, ',') ? q + 1 : q;
    }

    // "December 8", "Dec. 8th, 2026", "März 3 2026".
    private static bool TryMonthFirst(DateTokens t, int i, out DatePhrase date)
    {
        date = Blank(i);
        int q = t.IsSymbol(i + 1, '.') && t.Attached(i + 1) ? i + 2 : i + 1;
        if (!t.IsSmallNumber(q) || !t.SameLine(q) || t[q].Value is < 1 or > 31 || (t.IsSymbol(q + 1, ':') && t.Attached(q + 1)))
        {
            return false;
        }

        date.Month = t[i].Lex.Month;
        date.Day = t[q].Value;
        date.Last = t.IsWord(q + 1, WordRole.Ordinal) && t.Attached(q + 1) ? q + 1 : q;
        ReadYear(t, ref date);
        return true;
    }

    // "8 Dec 2026", "8th of December", "8. Dezember 2026", "1er décembre".
    private static bool TryDayFirst(DateTokens t, int i, out DatePhrase date)
    {
        date = Blank(i);
        if (!t.IsSmallNumber(i) || t[i].Value is < 1 or > 31)
        {
            return false;
        }

        int q = i + 1;
        if ((t.IsWord(q, WordRole.Ordinal) || t.IsSymbol(q, '.')) && t.Attached(q))
        {
            q++;
        }

        if (t.IsWord(q, WordRole.Of))
        {
            q++;
        }

        if (!t.IsWord(q, WordRole.Month) || !t.SameLine(q))
        {
            return false;
        }

        date.Day = t[i].Value;
        date.Month = t[q].Lex.Month;
        date.Last = t.IsSymbol(q + 1, '.') && t.Attached(q + 1) ? q + 1 : q;
        ReadYear(t, ref date);
        return true;
    }

    private static void ReadYear(DateTokens t, ref DatePhrase date)
    {
        int r = t.IsSymbol(date.Last + 1, ',') ? date.Last + 2 : date.Last + 1;
        if (t.IsNumber(r) && t[r].Length == 4 && t.SameLine(r) && t[r].Value is >= FirstYear and <= LastYear
            && !(t.IsSymbol(r + 1, ':') && t.Attached(r + 1)))
        {
            date.Year = t[r].Value;
            date.Last = r;
        }
    }

    // "2026-12-08", "08.12.2026", "8.12.", "12/08/2026", "12/8", "08-12-2026".
    private static bool TryNumeric(DateTokens t, int i, out DatePhrase date)
    {
        date = Blank(i);
        int first = t.IsNumber(i) ? t[i].Length : 0;
        if (first is 0 or 3 or > 4 || !(t.IsSymbol(i + 1, '.') || t.IsSymbol(i + 1, '/') || t.IsSymbol(i + 1, '-'))
            || !t.Attached(i + 1) || !t.IsSmallNumber(i + 2) || !t.Attached(i + 2))
        {
            return false;
        }

        char separator = t[i + 1].Symbol;
        bool third = t.IsSymbol(i + 3, separator) && t.Attached(i + 3) && t.IsNumber(i + 4) && t.Attached(i + 4);
        int a = t[i].Value, b = t[i + 2].Value;
        if (first == 4)
        {
            if (!third || t[i + 4].Length > 2)
            {
                return false;
            }

            (date.Year, date.Month, date.Day, date.Last) = (a, b, t[i + 4].Value, i + 4);
        }
        else if (third)
        {
            int yearDigits = t[i + 4].Length;
            if (yearDigits != 4 && (yearDigits != 2 || separator == '-'))
            {
                return false; // "555-12-34" is a phone number
            }

            date.Year = yearDigits == 4 ? t[i + 4].Value : 2000 + t[i + 4].Value;
            date.Last = i + 4;
            SetDayMonth(ref date, a, b, separator);
        }
        else if (separator == '.')
        {
            date.Last = t.IsSymbol(i + 3, '.') && t.Attached(i + 3) ? i + 3 : i + 2;
            date.NeedsContext = true;
            SetDayMonth(ref date, a, b, separator);
        }
        else if (separator == '/')
        {
            date.Last = i + 2;
            date.NeedsContext = date.Slashed = true;
            SetDayMonth(ref date, a, b, separator);
        }
        else
        {
            return false;
        }

        date.Form = DateForm.Calendar;
        return Plausible(date) && !ContinuesAsNumber(t, date.Last + 1);
    }

    // Dots put the day first everywhere; slashes and dashes wait for the zone and language.
    private static void SetDayMonth(ref DatePhrase date, int a, int b, char separator)
    {
        if (separator == '.')
        {
            (date.Day, date.Month) = (a, b);
        }
        else
        {
            (date.Month, date.Day, date.OrderOpen) = (a, b, true);
        }
    }

    private static bool Plausible(DatePhrase date)
    {
        bool yearOk = date.Year == 0 || date.Year is >= FirstYear and <= LastYear;
        bool partsOk = date.OrderOpen
            ? date.Month is >= 1 and <= 31 && date.Day is >= 1 and <= 31 && (date.Month <= 12 || date.Day <= 12)
            : date.Month is >= 1 and <= 12 && date.Day is >= 1 and <= 31;
        return yearOk && partsOk;
    }

    // "1.2.3.4", "12/08/2026/1", "06.12.34.56.78": part of something longer than a date.
    private static bool ContinuesAsNumber(DateTokens t, int i) =>
        (t.IsSymbol(i, '.') || t.IsSymbol(i, '/') || t.IsSymbol(i, '-') || t.IsSymbol(i, ':') || t.IsSymbol(i, ','))
        && t.Attached(i) && t.IsNumber(i + 1) && t.Attached(i + 1);
}
