namespace FollowUpFlow.Inbound.Understanding.Dates;

/// <summary>Reads a part of the day after a time or a day: "afternoon", "in the morning", "nachmittags", "du soir", "de l'après-midi".</summary>
internal static class DayPeriodReader
{
    /// <summary>12 for afternoon and evening, 0 for morning; last is the period's last token.</summary>
    public static bool TryRead(DateTokens t, int i, out int period, out int last)
    {
        period = -1;
        last = i;
        if (!t.SameLine(i))
        {
            return false;
        }

        int p = i;
        if (t.IsKey(p, "in") && t.IsWord(p + 1, WordRole.The))
        {
            p += 2; // in the afternoon
        }
        else if (t.IsKey(p, "du") || (t.IsWord(p, WordRole.RangeFrom) && t.IsKey(p + 1, "l") && t.IsSymbol(p + 2, '\'')))
        {
            p += t.IsKey(p, "du") ? 1 : 3; // du soir, de l'après-midi
        }

        if (t.IsKey(p, "apres") && t.IsSymbol(p + 1, '-') && t.IsWord(p + 2, WordRole.Noon))
        {
            period = 12; // après-midi
            last = p + 2;
            return true;
        }

        if (t.IsWord(p, WordRole.Afternoon) || t.IsWord(p, WordRole.Morning))
        {
            period = t.IsWord(p, WordRole.Afternoon) ? 12 : 0;
            last = p;
            return true;
        }

        return false;
    }
}
