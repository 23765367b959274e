namespace FollowUpFlow.Inbound.Understanding.Dates;

/// <summary>Languages a word belongs to; one word may belong to several ("dec", "mai", "am").</summary>
[Flags]
internal enum Lang : byte
{
    None = 0,
    En = 1,
    De = 2,
    Fr = 4,
}

/// <summary>What a word can mean around dates and times; one word may have several roles ("am", "mar", "à").</summary>
[Flags]
internal enum WordRole : ulong
{
    None = 0,
    Month = 1UL << 0,
    Weekday = 1UL << 1,
    /// <summary>An abbreviated name ("Tue", "Dec"): alone, a weekday abbreviation needs a time after it.</summary>
    Short = 1UL << 2,
    /// <summary>Two-letter German weekdays ("Mo", "Do"): only in front of a date.</summary>
    Tiny = 1UL << 3,
    RelativeDay = 1UL << 4,
    ThisModifier = 1UL << 5,
    NextModifier = 1UL << 6,
    NextSuffix = 1UL << 7,
    Meridiem = 1UL << 8,
    Noon = 1UL << 9,
    Midnight = 1UL << 10,
    Uhr = 1UL << 11,
    HourMark = 1UL << 12,
    DateLead = 1UL << 13,
    TimeLead = 1UL << 14,
    RangeFrom = 1UL << 15,
    Between = 1UL << 16,
    RangeTo = 1UL << 17,
    And = 1UL << 18,
    Ordinal = 1UL << 19,
    Of = 1UL << 20,
    The = 1UL << 21,
    Afternoon = 1UL << 22,
    Morning = 1UL << 23,
    MinuteUnit = 1UL << 24,
    HourUnit = 1UL << 25,
    CountWord = 1UL << 26,
    Half = 1UL << 27,
    /// <summary>After a duration ("15 minutes early"): the duration is not the meeting's length.</summary>
    StopAfter = 1UL << 28,
    /// <summary>Before a duration ("in 2 hours", "every 30 minutes"): not the meeting's length either.</summary>
    StopBefore = 1UL << 29,
    LangHint = 1UL << 30,
}

/// <summary>A known word: its folded spelling and everything it can mean.</summary>
/// <param name="Number">Meridiem hours to add (0 or 12), relative days, or a count word's value.</param>
internal readonly record struct Lexeme(string? Key, WordRole Roles, Lang Lang, sbyte Month, sbyte Weekday, sbyte Number)
{
    public bool Has(WordRole role) => (Roles & role) != 0;

    public bool Is(string key) => string.Equals(Key, key, StringComparison.Ordinal);
}
