using System.Buffers;
using System.Collections.Immutable;

namespace FollowUpFlow.Inbound.Understanding.Dates;

/// <summary>Finds the dates and times written in free text (English, German, French), such as an interview email's body.</summary>
public static class TextDateFinder
{
    // sentAt is kept inside the years the readers accept, so day arithmetic near it cannot overflow.
    private static readonly DateTimeOffset EarliestSent = new(1900, 1, 2, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset LatestSent = new(2200, 12, 30, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Every date-time mention in text, in order of appearance.</summary>
    /// <param name="sentAt">The email's Date: relative words resolve against it, in the zone of the mention.</param>
    /// <param name="defaultTimeZone">IANA zone to assume when the mention names none ("UTC" when unknown).</param>
    /// <remarks>
    /// Choices where text is ambiguous:
    /// a date without a year is the next one on or after the day before sending;
    /// "Friday" and "this Friday" are the next Friday on or after the sending day, "next Friday" the next one after it;
    /// "Monday the 14th" is the next 14th that falls on a Monday;
    /// 12/08/2026 is month first when the zone written is American, else when the language is English (the default
    /// zone speaks when the text does not), and day first otherwise; dots are always day first, ISO always ISO;
    /// an unmarked 1:00–6:59 in English text is afternoon ("today at 4:30"), with less confidence;
    /// a zone abbreviation names a region, not a season ("EST" in July is America/New_York at -04:00);
    /// a wall time skipped by a DST jump moves forward by the jump;
    /// a time alone takes the nearest date before it in the same sentence (a single line break does not end it).
    /// </remarks>
    public static ImmutableArray<TextDateMatch> Find(string text, DateTimeOffset sentAt, string defaultTimeZone)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        using var tokens = DateTokenizer.Tokenize(text);
        var mentions = MentionLinker.Link(tokens, Scan(tokens));
        var context = new ResolveContext(Clamp(sentAt), DefaultClock(defaultTimeZone), tokens.DocumentLanguage);
        var found = ImmutableArray.CreateBuilder<TextDateMatch>(mentions.Count);
        foreach (var mention in mentions)
        {
            if (MentionResolver.Resolve(tokens, mention, context) is TextDateMatch match)
            {
                found.Add(match);
            }
        }

        return found.DrainToImmutable();
    }

    // One pass: a mention is read where one can start, and scanning resumes after it.
    private static List<Mention> Scan(DateTokens tokens)
    {
        var mentions = new List<Mention>();
        var durations = ArrayPool<bool>.Shared.Rent(tokens.Count); // tokens already read as a meeting's length
        Array.Clear(durations, 0, tokens.Count);
        try
        {
            int i = 0;
            while (i < tokens.Count)
            {
                var mention = !durations[i] && MentionReader.CanStart(tokens, i) ? MentionReader.TryRead(tokens, i) : null;
                if (mention is null)
                {
                    i++;
                    continue;
                }

                if (mention.Time is not null && mention.EndTime is null && DurationReader.TryFind(tokens, mention, durations, out int minutes))
                {
                    mention.DurationMinutes = minutes;
                }

                mentions.Add(mention);
                i = mention.Last + 1;
            }
        }
        finally
        {
            ArrayPool<bool>.Shared.Return(durations);
        }

        return mentions;
    }

    private static MentionClock DefaultClock(string? zoneId) =>
        !string.IsNullOrWhiteSpace(zoneId) && ZoneClock.Find(zoneId) is TimeZoneInfo zone
            ? MentionClock.ForZone(zoneId, zone, isExplicit: false)
            : MentionClock.ForZone("UTC", TimeZoneInfo.Utc, isExplicit: false);

    private static DateTimeOffset Clamp(DateTimeOffset sentAt) =>
        sentAt < EarliestSent ? EarliestSent : sentAt > LatestSent ? LatestSent : sentAt;
}
