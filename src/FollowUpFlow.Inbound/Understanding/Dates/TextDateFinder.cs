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
        var durations = new bool[tokens.Count];
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

        return mentions;
    }

    private static MentionClock DefaultClock(string? zoneId) =>
        !string.IsNullOrWhiteSpace(zoneId) && ZoneClock.Find(zoneId) is TimeZoneInfo zone
            ? MentionClock.ForZone(zoneId, zone, isExplicit: false)
            : MentionClock.ForZone("UTC", TimeZoneInfo.Utc, isExplicit: false);

    private static DateTimeOffset Clamp(DateTimeOffset sentAt) =>
        sentAt < EarliestSent ? EarliestSent : sentAt > LatestSent ? LatestSent : sentAt;
}
