namespace FollowUpFlow.Inbound.Understanding.Dates;

/// <summary>Reads one whole mention at a token: a date, a time or both in either order, with leading words like "on", "at", "from".</summary>
internal static class MentionReader
{
    private const WordRole LeadRoles = WordRole.DateLead | WordRole.TimeLead | WordRole.RangeFrom | WordRole.Between;
    private const WordRole StartRoles = LeadRoles | WordRole.Month | WordRole.Weekday | WordRole.RelativeDay
        | WordRole.ThisModifier | WordRole.NextModifier | WordRole.Noon | WordRole.Midnight;

    private const int MostLeads = 2;
    private const int MostSeparators = 3;

    /// <summary>Cheap pre-check: can a mention start at token i at all? Asked of every token, so it reads the token once.</summary>
    public static bool CanStart(DateTokens t, int i)
    {
        if (!t.In(i))
        {
            return false;
        }

        // Only words have lexemes, and most words are unknown (id 0), which no mention starts with.
        ref readonly var token = ref t[i];
        return token.Kind == TokenKind.Number
            || (token.LexemeId != 0 && (token.Lex.Has(StartRoles) || token.Lex.Is("apres")));
    }

    public static Mention? TryRead(DateTokens t, int i)
    {
        int p = i;
        WordRole leads = WordRole.None;
        while (p < i + MostLeads && t.IsWord(p, LeadRoles) && t.SameLine(p + 1))
        {
            leads |= t[p].Lex.Roles & LeadRoles;
            p++;
        }

        if (p >= t.Count || !StartsClean(t, p))
        {
            return null;
        }

        if (DatePhraseReader.TryRead(t, p, out var date))
        {
            return WithDate(t, date, leads);
        }

        return TimeSpecReader.TryRead(t, p, leads != WordRole.None, (leads & WordRole.Between) != 0, -1, out var spec)
            ? WithTime(t, spec)
            : null;
    }

    // "Tuesday, December 8, 2026 at 2:00 PM EST", "am 8.12. von 14 bis 15 Uhr", "demain à 15h", "tomorrow afternoon at 3".
    private static Mention? WithDate(DateTokens t, DatePhrase date, WordRole leads)
    {
        int q = date.Last + 1;
        WordRole timeLeads = WordRole.None;
        for (int skipped = 0; skipped < MostSeparators && t.SameLine(q); skipped++)
        {
            if (IsDateTimeSeparator(t, q))
            {
                timeLeads |= t[q].Kind == TokenKind.Word ? t[q].Lex.Roles & LeadRoles : WordRole.None;
                q++;
            }
            else if (DayPeriodReader.TryRead(t, q, out int period, out int periodLast))
            {
                date.DayPeriod = period; // "Tuesday afternoon at 2:30"
                q = periodLast + 1;
            }
            else
            {
                break;
            }
        }

        if (t.SameLine(q) && TimeSpecReader.TryRead(t, q, timeLeads != WordRole.None, (timeLeads & WordRole.Between) != 0, date.DayPeriod, out var spec))
        {
            return Build(date.First, spec.Last, date, spec);
        }

        bool contextMissing = date.NeedsContext && (date.Slashed || (leads & WordRole.DateLead) == 0);
        return date.NeedsTime || contextMissing ? null : new Mention { First = date.First, Last = date.Last, Date = date };
    }

    // "2pm EST on Tuesday, Dec 8", "um 14 Uhr am 8.12.", "2:00pm - 2:45pm, Tuesday, December 8, 2026 (Eastern Time)".
    private static Mention WithTime(DateTokens t, TimeSpec spec)
    {
        int q = spec.Last + 1;
        for (int skipped = 0; skipped < 2 && t.SameLine(q) && IsTimeDateSeparator(t, q); skipped++)
        {
            q++;
        }

        if (!t.SameLine(q) || !DatePhraseReader.TryRead(t, q, out var date))
        {
            return Build(spec.Start.First, spec.Last, null, spec);
        }

        if (spec.Zone is null && ZonePhraseReader.TryRead(t, date.Last + 1, afterSeconds: false, out var zone))
        {
            return Build(spec.Start.First, zone.Last, date, spec with { Zone = zone });
        }

        return Build(spec.Start.First, date.Last, date, spec);
    }

    private static Mention Build(int first, int last, DatePhrase? date, TimeSpec spec) => new()
    {
        First = first,
        Last = last,
        Date = date,
        Time = spec.Start,
        EndTime = spec.End,
        Zone = spec.Zone,
    };

    private static bool IsDateTimeSeparator(DateTokens t, int i) =>
        (t[i].Kind == TokenKind.Symbol && t[i].Symbol is ',' or '-' or '|' or '@' or '/' or ':' or '·' or '⋅' or '•')
        || t.IsWord(i, WordRole.TimeLead | WordRole.RangeFrom | WordRole.Between)
        || (t.IsKey(i, "t") && t.Attached(i)); // ISO 8601 "2026-12-08T14:00"

    private static bool IsTimeDateSeparator(DateTokens t, int i) =>
        (t[i].Kind == TokenKind.Symbol && t[i].Symbol is ',' or '-' or '|')
        || t.IsWord(i, WordRole.DateLead | WordRole.The);

    // A mention never starts inside a bigger token run: "$14", "+49 30", "v2.3", "555-1234", "1.5", "UTC-08:00".
    private static bool StartsClean(DateTokens t, int p)
    {
        if (p == 0 || !t.Attached(p))
        {
            return true;
        }

        ref readonly var before = ref t[p - 1];
        if (before.Kind != TokenKind.Symbol)
        {
            return false;
        }

        return before.Symbol switch
        {
            '$' or '€' or '£' or '¥' or '#' or '+' => false,
            '.' or ',' or '/' or ':' => !(p >= 2 && t.Attached(p - 1) && t.IsNumber(p - 2)),
            '-' => !(p >= 2 && t.Attached(p - 1) && (t.IsNumber(p - 2) || t.IsKey(p - 2, "utc") || t.IsKey(p - 2, "gmt"))),
            _ => true,
        };
    }
}
