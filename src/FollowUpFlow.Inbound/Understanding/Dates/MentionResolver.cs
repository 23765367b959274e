namespace FollowUpFlow.Inbound.Understanding.Dates;

/// <summary>What every mention of one text is resolved against.</summary>
internal sealed record ResolveContext(DateTimeOffset SentAt, MentionClock DefaultClock, Lang DocumentLanguage);

/// <summary>Places a mention on the calendar and the clock, and says how sure that is.</summary>
internal static class MentionResolver
{
    private const int YearsToSearch = 8;

    public static TextDateMatch? Resolve(DateTokens t, Mention m, ResolveContext context)
    {
        var clock = PickClock(m, context);
        var language = Language(t, m, context);
        var today = clock.Today(context.SentAt);
        var placed = new Placement();
        DateOnly day = today;
        if (m.Date is DatePhrase date && !TryPlace(date, today, clock, language, ref placed, out day))
        {
            return null;
        }

        DateTimeOffset start;
        DateTimeOffset? endOrNull = null;
        bool guessed = false;
        if (m.Time is TimePhrase time)
        {
            var startWall = day.ToDateTime(new TimeOnly(HourOf(time, language, ref guessed), time.Minute));
            var endWall = m.EndTime is TimePhrase endTime
                ? day.ToDateTime(new TimeOnly(HourOf(endTime, language, ref guessed), endTime.Minute))
                : (DateTime?)null;
            if (endWall <= startWall)
            {
                endWall = endWall.Value.AddDays(1); // "23:00–01:00"
            }

            if (m.Zone is { OffsetMinutes: int offset } && clock.Zone is not null && clock.Zone.GetUtcOffset(startWall) != TimeSpan.FromMinutes(offset))
            {
                clock = MentionClock.ForOffset(offset); // the zone standing in for the offset did not keep it that day
            }

            start = clock.At(startWall);
            if (endWall is DateTime wall)
            {
                endOrNull = clock.At(wall);
            }
            else if (m.DurationMinutes is int minutes)
            {
                endOrNull = clock.Later(start, minutes);
            }
        }
        else
        {
            start = clock.At(day.ToDateTime(TimeOnly.MinValue));
        }

        int index = t[m.First].Start;
        return new TextDateMatch(
            index,
            t[m.Last].End - index,
            start,
            endOrNull,
            clock.Id,
            clock.Explicit,
            m.Date is not null,
            m.Time is not null,
            placed.Relative,
            Confidence(m, clock.Explicit, placed, guessed));
    }

    /// <summary>What placing the date on the calendar had to assume; each assumption costs confidence.</summary>
    private struct Placement
    {
        public bool Relative;
        public bool YearGuessed;
        public bool WeekdayMismatch;
        public bool OrderAmbiguous;
    }

    private static MentionClock PickClock(Mention m, ResolveContext context)
    {
        if (m.Zone is ZonePhrase zone)
        {
            if (zone.Zone is not null && ZoneClock.Find(zone.Zone) is TimeZoneInfo found)
            {
                return MentionClock.ForZone(zone.Zone, found, isExplicit: true);
            }

            if (zone.OffsetMinutes is int minutes)
            {
                return MentionClock.ForOffset(minutes);
            }
        }

        return context.DefaultClock;
    }

    private static bool TryPlace(DatePhrase date, DateOnly today, MentionClock clock, Lang language, ref Placement placed, out DateOnly day)
    {
        day = today;
        switch (date.Form)
        {
            case DateForm.RelativeDay:
                placed.Relative = true;
                day = today.AddDays(date.RelativeDays);
                return true;
            case DateForm.Weekday:
                placed.Relative = true;
                int ahead = ((date.Weekday - (int)today.DayOfWeek) + 7) % 7;
                day = today.AddDays(ahead == 0 && date.Next ? 7 : ahead);
                return true;
            case DateForm.WeekdayAndDay:
                placed.Relative = true;
                return TryWeekdayAndDay(date, today, ref placed, out day);
            default:
                var (month, dayOfMonth) = date.OrderOpen ? NumericOrder(date, clock, language) : (date.Month, date.Day);
                placed.OrderAmbiguous = date.OrderOpen && month <= 12 && dayOfMonth <= 12 && month != dayOfMonth && !OrderFromZone(clock);
                if (date.OrderOpen && month <= 12 && dayOfMonth <= 12 && month != dayOfMonth && date.Year > 0 && date.Weekday >= 0 && WeekdayDecides(date, dayOfMonth, month))
                {
                    // "Tuesday, 12/08/2026": only one reading is a Tuesday, whatever the zone or language suggests.
                    (month, dayOfMonth) = (dayOfMonth, month);
                    placed.OrderAmbiguous = false;
                }
                placed.YearGuessed = date.Year == 0;
                bool found = date.Year > 0
                    ? TryDate(date.Year, month, dayOfMonth, out day)
                    : TryNextOccurrence(month, dayOfMonth, today.AddDays(-1), out day);
                placed.WeekdayMismatch = found && date.Weekday >= 0 && (int)day.DayOfWeek != date.Weekday;
                return found;
        }
    }

    // "Monday the 14th": the next 14th that is a Monday; the next 14th at all (and less sure) when none is near.
    private static bool TryWeekdayAndDay(DatePhrase date, DateOnly today, ref Placement placed, out DateOnly day)
    {
        var from = today.AddDays(-1);
        DateOnly? first = null;
        for (int month = 0; month < 12; month++)
        {
            var probe = from.AddMonths(month);
            if (TryDate(probe.Year, probe.Month, date.Day, out var candidate) && candidate >= from)
            {
                first ??= candidate;
                if ((int)candidate.DayOfWeek == date.Weekday)
                {
                    day = candidate;
                    return true;
                }
            }
        }

        placed.WeekdayMismatch = true;
        day = first ?? today;
        return first is not null;
    }

    // 12/08/2026: a number over 12 decides; else the zone written, then the language (which falls back on the default zone).
    private static (int Month, int Day) NumericOrder(DatePhrase date, MentionClock clock, Lang language)
    {
        (int a, int b) = (date.Month, date.Day);
        if (a > 12 || b > 12)
        {
            return a > 12 ? (b, a) : (a, b);
        }

        bool monthFirst = OrderFromZone(clock) ? Region(clock.Id) == Lang.En : language == Lang.En;
        return monthFirst ? (a, b) : (b, a);
    }

    /// <summary>True when the swapped reading falls on the written weekday and the chosen one does not.</summary>
    private static bool WeekdayDecides(DatePhrase date, int swappedMonth, int swappedDay) =>
        TryDate(date.Year, swappedMonth, swappedDay, out var swapped) && (int)swapped.DayOfWeek == date.Weekday
        && !(TryDate(date.Year, swappedDay, swappedMonth, out var chosen) && (int)chosen.DayOfWeek == date.Weekday);

    private static bool OrderFromZone(MentionClock clock) => clock.Explicit && Region(clock.Id) != Lang.None;

    // En for the zones that write month first (the US), De for the rest of the named world, None for UTC and bare offsets.
    private static Lang Region(string zoneId) =>
        zoneId.StartsWith("America/", StringComparison.Ordinal) || zoneId.StartsWith("US/", StringComparison.Ordinal) || zoneId == "Pacific/Honolulu" ? Lang.En
        : zoneId == "UTC" || zoneId.StartsWith("Etc/", StringComparison.Ordinal) ? Lang.None
        : Lang.De;

    private static bool TryDate(int year, int month, int day, out DateOnly date)
    {
        bool valid = year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);
        date = valid ? new DateOnly(year, month, day) : default;
        return valid;
    }

    // A date without a year is the next one on or after the day before the email was sent.
    private static bool TryNextOccurrence(int month, int day, DateOnly from, out DateOnly date)
    {
        for (int year = from.Year; year <= from.Year + YearsToSearch; year++)
        {
            if (TryDate(year, month, day, out date) && date >= from)
            {
                return true;
            }
        }

        date = default;
        return false;
    }

    // English writers rarely mean 4:30 in the morning: an unmarked 1:00–6:59 in English text is read as afternoon.
    private static int HourOf(TimePhrase time, Lang language, ref bool guessed)
    {
        bool afternoonByHabit = time.ColonOnly && time.Meridiem < 0 && time.DayPeriod < 0 && time.WrittenHour is >= 1 and <= 6 && language == Lang.En;
        guessed |= afternoonByHabit;
        return afternoonByHabit ? time.WrittenHour + 12 : time.Hour;
    }

    // The mention's own words decide its language ("Uhr", "décembre", "pm"); then the text's; then the default zone's
    // habits (a US zone writes like English, any other named zone like German and French: day first, 24-hour clock).
    private static Lang Language(DateTokens t, Mention m, ResolveContext context)
    {
        Span<int> votes = stackalloc int[3];
        for (int i = m.First; i <= m.Last; i++)
        {
            var lang = t[i].Lex.Lang;
            if (lang is Lang.En or Lang.De or Lang.Fr)
            {
                votes[lang == Lang.En ? 0 : lang == Lang.De ? 1 : 2]++;
            }
        }

        var own = DateTokenizer.Winner(votes);
        return own != Lang.None ? own
            : context.DocumentLanguage != Lang.None ? context.DocumentLanguage
            : Region(context.DefaultClock.Id);
    }

    private static double Confidence(Mention m, bool explicitZone, Placement placed, bool guessed)
    {
        double confidence = m.Time is null ? 0.6 : explicitZone ? 0.95 : 0.7;
        if (m.Date is null)
        {
            confidence = Math.Min(confidence, explicitZone ? 0.4 : 0.3);
        }

        confidence -= (placed.Relative ? 0.15 : 0) + (placed.YearGuessed ? 0.05 : 0) + (m.DateFromContext ? 0.05 : 0)
            + (placed.WeekdayMismatch ? 0.3 : 0) + (placed.OrderAmbiguous ? 0.1 : 0) + (guessed ? 0.1 : 0);
        return Math.Round(Math.Clamp(confidence, 0.05, 1.0), 2);
    }
}
