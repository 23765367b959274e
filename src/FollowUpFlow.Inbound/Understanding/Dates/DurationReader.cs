namespace FollowUpFlow.Inbound.Understanding.Dates;

/// <summary>Finds a meeting length written near a mention: "45 minutes", "1 hour", "45 Min.", "1h30", "une heure", "eine halbe Stunde".</summary>
internal static class DurationReader
{
    /// <summary>How far from the mention (in characters) a duration still belongs to it.</summary>
    private const int Reach = 80;

    private const double ShortestMinutes = 5;
    private const double LongestMinutes = 8 * 60;

    /// <summary>Looks after the mention, then before it in the same sentence; marks the duration's tokens so they are not read as a time.</summary>
    public static bool TryFind(DateTokens t, Mention mention, bool[] taken, out int minutes)
    {
        int end = t[mention.Last].End;
        for (int k = mention.Last + 1; k < t.Count && t[k].Start - end <= Reach && t[k].Gap != Gap.BlankLine; k++)
        {
            if (TryReadAt(t, k, out minutes, out int last))
            {
                Take(taken, k, last);
                return true;
            }
        }

        int start = t[mention.First].Start;
        for (int k = mention.First - 1; k >= 0 && start - t[k].End <= Reach && t[k + 1].Gap != Gap.BlankLine; k--)
        {
            // The duration's own dot ("45 Min.") is no sentence end; one between it and the mention is.
            if (TryReadAt(t, k, out minutes, out int last) && last < mention.First && t.SameSentence(last + 1, mention.First))
            {
                Take(taken, k, last);
                return true;
            }
        }

        minutes = 0;
        return false;
    }

    private static void Take(bool[] taken, int first, int last) => taken.AsSpan(first, last - first + 1).Fill(true);

    private static bool TryReadAt(DateTokens t, int k, out int minutes, out int last)
    {
        minutes = 0;
        last = k;
        if (!TryAmount(t, k, out double amount, out int q))
        {
            return false;
        }

        if (t.IsSymbol(q, '-') && t.Attached(q))
        {
            q++; // "30-minute", "demi-heure"
        }

        double total;
        if (t.IsWord(q, WordRole.MinuteUnit) && t.SameLine(q))
        {
            total = amount;
            last = q;
        }
        else if (t.IsWord(q, WordRole.HourUnit) && t.SameLine(q) && (t.IsNumber(k) || !t.IsKey(q, "h")))
        {
            total = (amount * 60) + ExtraMinutes(t, q, out last);
        }
        else
        {
            return false;
        }

        if (t.IsSymbol(last + 1, '.') && t.Attached(last + 1) && t.IsKey(last, "min"))
        {
            last++; // "45 Min."
        }

        bool stopped = t.IsWord(k - 1, WordRole.StopBefore) || t.IsWord(last + 1, WordRole.StopAfter)
            || (t.IsWord(last + 2, WordRole.StopAfter) && t.SameLine(last + 2));
        minutes = (int)total;
        return !stopped && total is >= ShortestMinutes and <= LongestMinutes;
    }

    // "45", "1.5", "1,5", "an", "one", "une", "half an", "eine halbe", "une demi".
    private static bool TryAmount(DateTokens t, int k, out double amount, out int next)
    {
        amount = 0;
        next = k + 1;
        if (t.IsNumber(k) && t[k].Length <= 3)
        {
            if (k > 0 && t.Attached(k) && t.JoinsNumbers(k - 1, ".,:/-"))
            {
                return false; // the tail of "14:45" or "1.45"
            }

            amount = t[k].Value;
            if ((t.IsSymbol(next, '.') || t.IsSymbol(next, ',')) && t.Attached(next) && t.IsNumber(next + 1) && t[next + 1].Length == 1 && t.Attached(next + 1))
            {
                amount += t[next + 1].Value / 10.0;
                next += 2;
            }

            return true;
        }

        if (t.IsWord(k, WordRole.Half))
        {
            amount = 0.5;
            next = t.IsWord(k + 1, WordRole.CountWord) ? k + 2 : k + 1; // "half an hour"
            return true;
        }

        if (t.IsWord(k, WordRole.CountWord))
        {
            amount = t[k].Lex.Number;
            if (t.IsWord(next, WordRole.Half))
            {
                amount = 0.5; // "eine halbe Stunde", "une demi-heure"
                next++;
            }

            return true;
        }

        return false;
    }

    // After the hours: "1h30", "1 h 30", "1 hour 30 minutes", "1 hour and 30 minutes", "an hour and a half", "une heure et demie".
    private static double ExtraMinutes(DateTokens t, int unit, out int last)
    {
        last = unit;
        int r = unit + 1;
        if (t.IsWord(r, WordRole.And) && t.SameLine(r))
        {
            int half = t.IsWord(r + 1, WordRole.CountWord) ? r + 2 : r + 1; // "and a half", "et demie"
            if (t.IsWord(half, WordRole.Half))
            {
                last = half;
                return 30;
            }

            r++;
        }

        if (!t.IsSmallNumber(r) || !t.SameLine(r) || t[r].Value >= 60)
        {
            return 0;
        }

        if (t.IsWord(r + 1, WordRole.MinuteUnit))
        {
            last = r + 1;
            return t[r].Value;
        }

        if (t.IsKey(unit, "h") && r == unit + 1)
        {
            last = r;
            return t[r].Value;
        }

        return 0;
    }
}
