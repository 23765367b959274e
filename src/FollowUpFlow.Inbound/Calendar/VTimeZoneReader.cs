namespace FollowUpFlow.Inbound.Calendar;

/// <summary>Turns a collected VTIMEZONE into rules: DTSTART, TZOFFSETFROM, TZOFFSETTO, a yearly RRULE and RDATEs per block.</summary>
internal static class VTimeZoneReader
{
    public static VTimeZoneRules? Read(ZoneDraft draft, ZoneYearBudget budget, ProblemLog problems)
    {
        var observances = new List<ZoneObservance>(draft.Observances.Count);
        foreach (var lines in draft.Observances)
        {
            if (ReadObservance(lines, draft.TzId!, problems) is { } observance)
            {
                observances.Add(observance);
            }
        }

        if (observances.Count == 0)
        {
            problems.Add($"VTIMEZONE '{ProblemLog.Snippet(draft.TzId!)}' has no readable STANDARD or DAYLIGHT block.");
            return null;
        }

        if (observances.Count > CalendarLimits.MaxObservances)
        {
            problems.Add($"VTIMEZONE '{ProblemLog.Snippet(draft.TzId!)}' has more than {CalendarLimits.MaxObservances} blocks; only the latest-starting ones are used.");
            observances = [.. observances.Select((o, order) => (Observance: o, Order: order))
                .OrderByDescending(o => o.Observance.Start).Take(CalendarLimits.MaxObservances)
                .OrderBy(o => o.Order).Select(o => o.Observance)];
        }

        return new VTimeZoneRules([.. observances], budget);
    }

    private static ZoneObservance? ReadObservance(List<ContentLine> lines, string tzId, ProblemLog problems)
    {
        DateTime? start = null;
        TimeSpan? offsetFrom = null;
        TimeSpan? offsetTo = null;
        string? rrule = null;
        var dates = new List<DateTime>();
        foreach (var line in lines)
        {
            switch (line.Name)
            {
                case "DTSTART" when start is null && CalendarValues.TryParseDateTime(CalendarValues.FirstOfList(line.Value), out var value, out _, out _):
                    start = value;
                    break;
                case "TZOFFSETFROM" when offsetFrom is null && CalendarValues.TryParseUtcOffset(line.Value, out var from):
                    offsetFrom = from;
                    break;
                case "TZOFFSETTO" when offsetTo is null && CalendarValues.TryParseUtcOffset(line.Value, out var to):
                    offsetTo = to;
                    break;
                case "RRULE":
                    rrule ??= line.Value;
                    break;
                case "RDATE":
                    ReadDates(line.Value, dates);
                    break;
            }
        }

        if (start is not { } onset || offsetTo is not { } offset)
        {
            problems.Add($"VTIMEZONE '{ProblemLog.Snippet(tzId)}': a block without a readable DTSTART or TZOFFSETTO is ignored.");
            return null;
        }

        YearlyRule? rule = null;
        if (rrule is not null)
        {
            rule = YearlyRule.Parse(rrule, onset, offsetFrom ?? offset, out var problem);
            if (problem is not null)
            {
                problems.Add($"VTIMEZONE '{ProblemLog.Snippet(tzId)}': {problem}; only its DTSTART and RDATEs are used.");
            }
        }

        dates.Sort();
        return new ZoneObservance(onset, offsetFrom ?? offset, offset, rule, [.. dates]);
    }

    /// <summary>RDATE values, DATE-TIME or the start of a PERIOD, up to the cap.</summary>
    private static void ReadDates(string value, List<DateTime> into)
    {
        foreach (var range in value.AsSpan().Split(','))
        {
            if (into.Count == CalendarLimits.MaxDatesPerObservance)
            {
                return;
            }

            var item = value.AsSpan()[range];
            var slash = item.IndexOf('/');
            if (CalendarValues.TryParseDateTime(slash < 0 ? item : item[..slash], out var date, out _, out _))
            {
                into.Add(date);
            }
        }
    }
}
