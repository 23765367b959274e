namespace FollowUpFlow.Inbound.Understanding.Dates;

/// <summary>One date/time found in text. Start/End carry the offset of TimeZone at that instant.</summary>
/// <param name="Index">Where the mention starts in the text (leading "on", "at", "am", "le" are not part of it).</param>
/// <param name="Length">How many characters the mention spans, zone and range included.</param>
/// <param name="Start">Midnight of the date when the mention has no time; the day of sentAt when it has no date.</param>
/// <param name="End">From a written range, or Start plus a duration written nearby ("45 minutes"); null otherwise.</param>
/// <param name="TimeZone">IANA id: the named zone, or the default zone when ExplicitZone is false.
/// "EST" in July is still America/New_York, at its real offset that day (-04:00): the writer meant the local clock.
/// A bare whole-hour offset is Etc/GMT∓N ("GMT+1" is Etc/GMT-1); a written offset no zone keeps all year ("UTC-03:30")
/// is reported as "UTC", with Start and End converted to it, so the instant stays exact.</param>
/// <param name="ExplicitZone">The text named the zone (abbreviation, name, city or UTC offset).</param>
/// <param name="HasDate">The mention carries a date, its own or one from earlier in the same sentence.</param>
/// <param name="HasTime">The mention carries a time of day.</param>
/// <param name="IsRelative">The date came from a relative word: today, tomorrow, a weekday alone, "next Tuesday", "Monday the 14th".</param>
/// <param name="Confidence">In [0, 1]: full date, time and zone ≥ 0.9; default zone about 0.7; relative or year-less lower; a time without a date ≤ 0.4.</param>
public sealed record TextDateMatch(
    int Index,
    int Length,
    DateTimeOffset Start,
    DateTimeOffset? End,
    string TimeZone,
    bool ExplicitZone,
    bool HasDate,
    bool HasTime,
    bool IsRelative,
    double Confidence);
