namespace FollowUpFlow.Inbound.Understanding.Dates;

internal enum DateForm : byte
{
    /// <summary>Day and month written (year optional): "December 8, 2026", "8. Dezember", "08.12.2026", "2026-12-08".</summary>
    Calendar,
    /// <summary>"today", "morgen", "après-demain".</summary>
    RelativeDay,
    /// <summary>A weekday alone or with this/next: "Friday", "next Tuesday", "mardi prochain".</summary>
    Weekday,
    /// <summary>A weekday and a day of the month: "Monday the 14th", "lundi 14".</summary>
    WeekdayAndDay,
}

/// <summary>A date as written, before it is placed on a calendar (which needs sentAt and the zone).</summary>
internal struct DatePhrase
{
    public int First;
    public int Last;
    public DateForm Form;
    /// <summary>0 when the year is not written.</summary>
    public int Year;
    public int Month;
    public int Day;
    /// <summary>Written as "12/08/2026": Month holds the first number and Day the second until the order is decided.</summary>
    public bool OrderOpen;
    /// <summary>-1 when no weekday is written.</summary>
    public int Weekday;
    public int RelativeDays;
    /// <summary>"next Tuesday": never today.</summary>
    public bool Next;
    /// <summary>A weekday abbreviation alone ("Tue") only counts with a time after it.</summary>
    public bool NeedsTime;
    /// <summary>A numeric date without a year ("8.12.", "12/8") only counts with a time, a weekday or (dotted) "am"/"on" before it.</summary>
    public bool NeedsContext;
    public bool Slashed;
    /// <summary>"tomorrow afternoon": 12 makes a later unmarked hour pm, 0 keeps it am, -1 says nothing.</summary>
    public int DayPeriod;
}

/// <summary>A clock time as written.</summary>
internal struct TimePhrase
{
    public int First;
    public int Last;
    /// <summary>The hour as written (2 in "2pm").</summary>
    public int WrittenHour;
    public int Minute;
    /// <summary>Hours to add for am/pm (0 or 12), or -1 when none is written.</summary>
    public int Meridiem;
    /// <summary>A day period after the hour ("nachmittags", "du soir"): 12, 0, or -1.</summary>
    public int DayPeriod;
    /// <summary>Something says it is a time: colon, "h", "Uhr", am/pm, noon. A bare number is only a range's start.</summary>
    public bool Marked;
    /// <summary>Only a colon says it is a time ("4:30"): 24-hour reading, or afternoon by habit in English.</summary>
    public bool ColonOnly;
    /// <summary>Written with seconds ("14:00:00"), as machines write: "-05:00" after it is an offset, not a range.</summary>
    public bool HasSeconds;

    public readonly int Hour => Meridiem >= 0 ? (WrittenHour % 12) + Meridiem
        : DayPeriod == 12 && WrittenHour < 12 ? WrittenHour + 12
        : WrittenHour;
}

/// <summary>A time zone as written: an IANA id, or a UTC offset that no zone holds for sure.</summary>
internal struct ZonePhrase
{
    public int Last;
    public string? Zone;
    public int? OffsetMinutes;
}

/// <summary>One mention found in the text: its parts as written and the token span they cover.</summary>
internal sealed class Mention
{
    public int First { get; set; }

    public int Last { get; set; }

    public DatePhrase? Date { get; set; }

    public TimePhrase? Time { get; set; }

    public TimePhrase? EndTime { get; set; }

    public ZonePhrase? Zone { get; set; }

    public int? DurationMinutes { get; set; }

    /// <summary>The date came from an earlier mention in the same sentence.</summary>
    public bool DateFromContext { get; set; }
}
