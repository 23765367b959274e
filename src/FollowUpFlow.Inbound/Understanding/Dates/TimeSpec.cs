namespace FollowUpFlow.Inbound.Understanding.Dates;

/// <summary>A time or a time range with its zone: "2:00–2:45 p.m. Eastern", "von 14 bis 15 Uhr", "10:00–11:00 (GMT+1)".</summary>
internal readonly record struct TimeSpec(TimePhrase Start, TimePhrase? End, ZonePhrase? Zone, int Last);

/// <summary>Reads a time, its zone, and the end of a range when one follows.</summary>
internal static class TimeSpecReader
{
    /// <param name="between">"between"/"zwischen"/"entre" came before, so "and"/"und"/"et" joins the range.</param>
    /// <param name="dayPeriod">A part of the day already written ("tomorrow afternoon at 3"): lets "at 3" stand alone.</param>
    public static bool TryRead(DateTokens t, int i, bool afterLead, bool between, int dayPeriod, out TimeSpec spec)
    {
        spec = default;
        if (!TimePhraseReader.TryRead(t, i, allowBare: true, afterLead, out var start))
        {
            return false;
        }

        int q = start.Last + 1;
        ZonePhrase? zone = null;
        if (start.Marked && ZonePhraseReader.TryRead(t, q, start.HasSeconds, out var startZone))
        {
            zone = startZone;
            q = startZone.Last + 1;
        }

        TimePhrase? end = null;
        if (TryConnector(t, q, between, out int next)
            && TimePhraseReader.TryRead(t, next, allowBare: start.Marked, afterLead: true, out var read))
        {
            ShareMeridiem(ref start, ref read);
            end = read;
            q = read.Last + 1;
            if (ZonePhraseReader.TryRead(t, q, read.HasSeconds, out var endZone))
            {
                zone = endZone;
                q = endZone.Last + 1;
            }
        }

        if (!start.Marked)
        {
            bool standsWithPeriod = end is null && afterLead && dayPeriod >= 0;
            if (!standsWithPeriod && end is not { Marked: true })
            {
                return false; // "2-3 days", "von 2 bis 3"
            }
        }

        if (start.Meridiem < 0 && start.DayPeriod < 0 && dayPeriod >= 0)
        {
            start.DayPeriod = dayPeriod;
            start.Marked = true;
        }

        spec = new TimeSpec(start, end, zone, q - 1);
        return true;
    }

    private static bool TryConnector(DateTokens t, int i, bool between, out int next)
    {
        next = i + 1;
        if (!t.SameLine(i))
        {
            return false;
        }

        if (t.IsKey(i, "jusqu") && t.IsSymbol(i + 1, '\'') && t.IsWord(i + 2, WordRole.RangeTo))
        {
            next = i + 3; // jusqu'à
            return true;
        }

        return t.IsSymbol(i, '-') || t.IsSymbol(i, '~') || t.IsWord(i, WordRole.RangeTo) || (between && t.IsWord(i, WordRole.And));
    }

    // "2:00–2:45 p.m.", "from 2 to 3pm", "11–1pm", "9am–5": one side's am/pm carries over, flipped when it would run backwards.
    private static void ShareMeridiem(ref TimePhrase start, ref TimePhrase end)
    {
        if (end.Meridiem >= 0 && Unmarked12(start))
        {
            start.Meridiem = end.Meridiem;
            start.Marked = true;
            if (Minutes(start) > Minutes(end))
            {
                start.Meridiem = 12 - end.Meridiem;
            }
        }
        else if (start.Meridiem >= 0 && Unmarked12(end))
        {
            end.Meridiem = start.Meridiem;
            end.Marked = true;
            if (Minutes(end) < Minutes(start))
            {
                end.Meridiem = 12 - start.Meridiem;
            }
        }
        else if (end.DayPeriod >= 0 && start.Meridiem < 0 && start.DayPeriod < 0)
        {
            start.DayPeriod = end.DayPeriod; // "von 2 bis 3 Uhr nachmittags"
        }
    }

    private static bool Unmarked12(TimePhrase time) => time.Meridiem < 0 && time.DayPeriod < 0 && time.WrittenHour is >= 1 and <= 12;

    private static int Minutes(TimePhrase time) => (time.Hour * 60) + time.Minute;
}
