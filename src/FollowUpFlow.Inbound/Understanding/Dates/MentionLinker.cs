namespace FollowUpFlow.Inbound.Understanding.Dates;

/// <summary>Gives a time written without a date the nearest date before it in the same sentence.</summary>
/// <remarks>
/// A date alone absorbs the time into one mention ("on Thursday, Dec 10 ... at 3:30pm PT"); a date that already has
/// its time lends it instead ("Dec 10 at 2pm, or 4pm"). A single line break does not end the sentence, so
/// "Date: Dec 10" and "Time: 3:30pm" on consecutive lines still join; a blank line or '.', '!', '?' does.
/// </remarks>
internal static class MentionLinker
{
    private const int Reach = 200;

    public static List<Mention> Link(DateTokens t, List<Mention> mentions)
    {
        var linked = new List<Mention>(mentions.Count);
        Mention? lastDated = null;
        foreach (var mention in mentions)
        {
            bool timeAlone = mention.Date is null && mention.Time is not null;
            if (timeAlone && lastDated is not null && Near(t, lastDated, mention))
            {
                if (lastDated.Time is null)
                {
                    Absorb(lastDated, mention);
                    continue;
                }

                mention.Date = lastDated.Date;
                mention.DateFromContext = true;
            }

            linked.Add(mention);
            lastDated = mention.Date is null ? lastDated : mention;
        }

        return linked;
    }

    private static bool Near(DateTokens t, Mention dated, Mention time) =>
        t[time.First].Start - t[dated.Last].End <= Reach && t.SameSentence(dated.Last + 1, time.First);

    private static void Absorb(Mention date, Mention time)
    {
        date.Last = time.Last;
        date.Time = time.Time;
        date.EndTime = time.EndTime;
        date.Zone = time.Zone;
        date.DurationMinutes = time.DurationMinutes;
    }
}
