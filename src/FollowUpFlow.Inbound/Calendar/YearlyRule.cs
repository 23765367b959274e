namespace FollowUpFlow.Inbound.Calendar;

/// <summary>
/// The RRULE of a VTIMEZONE observance. Only FREQ=YEARLY is read (with INTERVAL, BYMONTH, BYDAY such as 1SU or -1SU,
/// BYMONTHDAY, UNTIL, COUNT): that is what real time zone definitions use.
/// </summary>
internal sealed class YearlyRule
{
    private const int MaxInterval = 100;

    /// <summary>Real zones change clocks once or twice a year; the cap keeps hostile rules cheap to follow.</summary>
    private const int MaxOnsetsPerYear = 8;
    private const int MaxOrdinal = 53;

    /// <summary>Years tried going back from the bound: enough for rules that skip years (29 February, INTERVAL).</summary>
    private const int YearsTried = 8;

    private readonly int interval;
    private readonly int[] months;
    private readonly (int Ordinal, DayOfWeek Day)[] weekdays;
    private readonly int[] monthDays;
    private readonly DateTime untilLocal;
    private readonly int lastYear;

    private YearlyRule(int interval, int[] months, (int, DayOfWeek)[] weekdays, int[] monthDays, DateTime untilLocal, int lastYear)
    {
        this.interval = interval;
        this.months = months;
        this.weekdays = weekdays;
        this.monthDays = monthDays;
        this.untilLocal = untilLocal;
        this.lastYear = lastYear;
    }

    /// <summary>Reads the rule of an observance starting at <paramref name="start"/>; null with a reason when it is not a yearly rule we can follow.</summary>
    public static YearlyRule? Parse(string text, DateTime start, TimeSpan offsetFrom, out string? problem)
    {
        problem = null;
        string? frequency = null;
        var interval = 1;
        var months = new List<int>();
        var weekdays = new List<(int, DayOfWeek)>();
        var monthDays = new List<int>();
        var untilLocal = DateTime.MaxValue;
        var lastYear = 9999;
        foreach (var partRange in text.AsSpan().Split(';'))
        {
            var part = text.AsSpan()[partRange];
            var equals = part.IndexOf('=');
            if (equals < 0)
            {
                continue;
            }

            var key = CalendarText.Upper(part[..equals].Trim());
            var value = part[(equals + 1)..].Trim();
            switch (key)
            {
                case "FREQ":
                    frequency = CalendarText.Upper(value);
                    break;
                case "INTERVAL":
                    if (!CalendarValues.TryParseLeadingInteger(value, out interval) || interval is < 1 or > MaxInterval)
                    {
                        problem = $"RRULE INTERVAL '{value}' is not between 1 and {MaxInterval}";
                        return null;
                    }

                    break;
                case "BYMONTH":
                    ReadIntegers(value, months, 1, 12);
                    break;
                case "BYMONTHDAY":
                    ReadIntegers(value, monthDays, -31, 31);
                    break;
                case "BYDAY":
                    ReadWeekdays(value, weekdays);
                    break;
                case "UNTIL":
                    untilLocal = UntilAsLocal(value, offsetFrom);
                    break;
                case "COUNT" when CalendarValues.TryParseLeadingInteger(value, out var count) && count > 0:
                    lastYear = (int)Math.Min(9999L, start.Year + ((count - 1L) * interval));
                    break;
            }
        }

        if (frequency != "YEARLY")
        {
            problem = $"RRULE FREQ={frequency ?? "(none)"} is not a yearly rule";
            return null;
        }

        if (months.Count == 0)
        {
            months.Add(start.Month);
        }

        var daysPerMonth = weekdays.Count > 0 ? weekdays.Sum(w => w.Item1 == 0 ? 5 : 1) : Math.Max(1, monthDays.Count);
        if (months.Count * daysPerMonth > MaxOnsetsPerYear)
        {
            problem = $"RRULE gives more than {MaxOnsetsPerYear} onsets a year, which no time zone has";
            return null;
        }

        return new YearlyRule(interval, [.. months], [.. weekdays], [.. monthDays], untilLocal, lastYear);
    }

    /// <summary>The latest onset (a wall time) at or before <paramref name="bound"/>, not before <paramref name="start"/>.</summary>
    /// <param name="scratch">A list to work in, reused across calls.</param>
    public DateTime? LatestAtOrBefore(DateTime bound, DateTime start, List<DateTime> scratch)
    {
        var cap = bound < untilLocal ? bound : untilLocal;
        if (cap < start)
        {
            return null;
        }

        var year = Math.Min(cap.Year, lastYear);
        year -= (year - start.Year) % interval;
        for (var tried = 0; tried < YearsTried && year >= start.Year; tried++, year -= interval)
        {
            scratch.Clear();
            AddOnsets(year, start, scratch);
            DateTime? latest = null;
            foreach (var onset in scratch)
            {
                if (onset <= cap && (latest is null || onset > latest))
                {
                    latest = onset;
                }
            }

            if (latest is not null)
            {
                return latest;
            }
        }

        return null;
    }

    /// <summary>Adds the onsets (wall times) of <paramref name="year"/>: none before the rule's start, after UNTIL or past COUNT.</summary>
    public void AddOnsets(int year, DateTime start, List<DateTime> into)
    {
        if (year < start.Year || year > lastYear || (year - start.Year) % interval != 0)
        {
            return;
        }

        foreach (var month in months)
        {
            var daysInMonth = DateTime.DaysInMonth(year, month);
            if (weekdays.Length > 0)
            {
                foreach (var (ordinal, day) in weekdays)
                {
                    if (ordinal != 0)
                    {
                        Add(NthWeekday(year, month, daysInMonth, ordinal, day));
                        continue;
                    }

                    for (var d = NthWeekday(year, month, daysInMonth, 1, day); d <= daysInMonth; d += 7)
                    {
                        Add(d);
                    }
                }
            }
            else if (monthDays.Length > 0)
            {
                foreach (var monthDay in monthDays)
                {
                    Add(monthDay > 0 ? monthDay : daysInMonth + 1 + monthDay);
                }
            }
            else
            {
                Add(start.Day);
            }

            void Add(int day)
            {
                if (day < 1 || day > daysInMonth || (weekdays.Length > 0 && monthDays.Length > 0 && !IsListedMonthDay(day, daysInMonth)))
                {
                    return;
                }

                var onset = new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Unspecified) + start.TimeOfDay;
                if (onset >= start && onset <= untilLocal)
                {
                    into.Add(onset);
                }
            }
        }
    }

    private bool IsListedMonthDay(int day, int daysInMonth)
    {
        foreach (var monthDay in monthDays)
        {
            if (monthDay == day || daysInMonth + 1 + monthDay == day)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The day of the month of the nth (or, when negative, nth-from-last) weekday; may fall outside the month.</summary>
    private static int NthWeekday(int year, int month, int daysInMonth, int ordinal, DayOfWeek day)
    {
        if (ordinal > 0)
        {
            var firstDay = new DateTime(year, month, 1, 0, 0, 0, DateTimeKind.Unspecified).DayOfWeek;
            return 1 + ((day - firstDay + 7) % 7) + ((ordinal - 1) * 7);
        }

        var lastDay = new DateTime(year, month, daysInMonth, 0, 0, 0, DateTimeKind.Unspecified).DayOfWeek;
        return daysInMonth - ((lastDay - day + 7) % 7) + ((ordinal + 1) * 7);
    }

    private static DateTime UntilAsLocal(ReadOnlySpan<char> value, TimeSpan offsetFrom)
    {
        if (!CalendarValues.TryParseDateTime(value, out var until, out var isDate, out var isUtc))
        {
            return DateTime.MaxValue;
        }

        var shift = isDate ? TimeSpan.FromDays(1) - TimeSpan.FromTicks(1) : isUtc ? offsetFrom : TimeSpan.Zero;
        return ZoneClock.TryShift(until, shift, out var local) ? local : DateTime.MaxValue;
    }

    private static void ReadIntegers(ReadOnlySpan<char> list, List<int> into, int min, int max)
    {
        foreach (var range in list.Split(','))
        {
            if (CalendarValues.TryParseLeadingInteger(list[range], out var value) && value >= min && value <= max && value != 0)
            {
                into.Add(value);
            }
        }
    }

    private static void ReadWeekdays(ReadOnlySpan<char> list, List<(int, DayOfWeek)> into)
    {
        foreach (var range in list.Split(','))
        {
            var item = list[range].Trim();
            if (item.Length < 2 || Weekday(item[^2..]) is not { } day)
            {
                continue;
            }

            var prefix = item[..^2];
            var ordinal = 0;
            if (!prefix.IsEmpty && (!CalendarValues.TryParseLeadingInteger(prefix, out ordinal) || ordinal is 0 or < -MaxOrdinal or > MaxOrdinal))
            {
                continue;
            }

            into.Add((ordinal, day));
        }
    }

    private static DayOfWeek? Weekday(ReadOnlySpan<char> code) => CalendarText.Upper(code) switch
    {
        "SU" => DayOfWeek.Sunday,
        "MO" => DayOfWeek.Monday,
        "TU" => DayOfWeek.Tuesday,
        "WE" => DayOfWeek.Wednesday,
        "TH" => DayOfWeek.Thursday,
        "FR" => DayOfWeek.Friday,
        "SA" => DayOfWeek.Saturday,
        _ => null,
    };
}
