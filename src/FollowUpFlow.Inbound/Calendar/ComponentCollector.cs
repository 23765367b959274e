namespace FollowUpFlow.Inbound.Calendar;

/// <summary>
/// Follows BEGIN/END nesting and collects what the reader needs: the VCALENDAR's METHOD, each VEVENT's own lines
/// (not those of a VALARM inside it) and each VTIMEZONE. Tolerates missing and mismatched END lines.
/// </summary>
internal sealed class ComponentCollector(ProblemLog problems)
{
    private readonly List<string> open = [];
    private List<ContentLine>? currentEvent;
    private bool eventPropertiesCapped;
    private ZoneDraft? currentZone;
    private List<ContentLine>? currentObservance;
    private bool eventCapReported;

    public string? Method { get; private set; }

    public List<List<ContentLine>> Events { get; } = [];

    public List<ZoneDraft> TimeZones { get; } = [];

    public void Add(ContentLine line)
    {
        switch (line.Name)
        {
            case "BEGIN":
                Begin(CalendarText.Upper(line.Value.AsSpan().Trim()));
                return;
            case "END":
                End(CalendarText.Upper(line.Value.AsSpan().Trim()));
                return;
        }

        switch (open.Count == 0 ? null : open[^1])
        {
            case null:
                problems.Add($"{line.Name} outside any component is ignored.");
                break;
            case "VCALENDAR" when line.Name == "METHOD":
                Method ??= CalendarText.Upper(line.Value.AsSpan().Trim());
                break;
            case "VEVENT":
                AddToEvent(line);
                break;
            case "VTIMEZONE" when line.Name == "TZID" && currentZone is not null:
                currentZone.TzId ??= CalendarText.Unescape(line.Value).Trim();
                break;
            case "STANDARD" or "DAYLIGHT" when currentObservance is not null && currentObservance.Count < CalendarLimits.MaxPropertiesPerComponent:
                currentObservance.Add(line);
                break;
        }
    }

    /// <summary>Closes whatever is still open at the end of the text.</summary>
    public void Finish()
    {
        while (open.Count > 0)
        {
            problems.Add($"Missing END:{open[^1]}.");
            Close();
        }
    }

    private void Begin(string name)
    {
        if (name.Length == 0)
        {
            problems.Add("BEGIN without a component name is ignored.");
            return;
        }

        // A component cannot contain itself: a second BEGIN:VEVENT means the first one's END is missing.
        var alreadyOpen = open.LastIndexOf(name);
        if (alreadyOpen >= 0)
        {
            problems.Add($"Missing END:{name} before BEGIN:{name}.");
            CloseThrough(alreadyOpen, $"BEGIN:{name}");
        }

        if (open.Count == CalendarLimits.MaxDepth)
        {
            problems.Add($"Components nested deeper than {CalendarLimits.MaxDepth}: BEGIN:{ProblemLog.Snippet(name)} is ignored.");
            return;
        }

        var parent = open.Count == 0 ? null : open[^1];
        open.Add(name);
        switch (name)
        {
            case "VEVENT":
                currentEvent = Events.Count < CalendarLimits.MaxEvents ? [] : null;
                eventPropertiesCapped = false;
                ReportEventCap();
                break;
            case "VTIMEZONE":
                currentZone = TimeZones.Count < CalendarLimits.MaxTimeZones ? new ZoneDraft() : null;
                break;
            case "STANDARD" or "DAYLIGHT":
                currentObservance = parent == "VTIMEZONE" && currentZone?.Observances.Count < CalendarLimits.MaxObservancesRead ? [] : null;
                break;
        }
    }

    private void End(string name)
    {
        var index = open.LastIndexOf(name);
        if (index < 0)
        {
            problems.Add($"END:{ProblemLog.Snippet(name)} without a matching BEGIN is ignored.");
            return;
        }

        CloseThrough(index, $"END:{name}");
    }

    /// <summary>Closes the components from the innermost down to the one at <paramref name="index"/>.</summary>
    private void CloseThrough(int index, string cause)
    {
        while (open.Count > index + 1)
        {
            problems.Add($"Missing END:{open[^1]} before {cause}.");
            Close();
        }

        Close();
    }

    private void Close()
    {
        var name = open[^1];
        open.RemoveAt(open.Count - 1);
        switch (name)
        {
            case "VEVENT" when currentEvent is not null:
                Events.Add(currentEvent);
                currentEvent = null;
                break;
            case "VTIMEZONE" when currentZone is not null:
                if (currentZone.TzId is { Length: > 0 })
                {
                    TimeZones.Add(currentZone);
                }

                currentZone = null;
                break;
            case "STANDARD" or "DAYLIGHT" when currentObservance is not null:
                currentZone?.Observances.Add(currentObservance);
                currentObservance = null;
                break;
        }
    }

    private void AddToEvent(ContentLine line)
    {
        if (currentEvent is null)
        {
            return;
        }

        if (currentEvent.Count < CalendarLimits.MaxPropertiesPerComponent)
        {
            currentEvent.Add(line);
        }
        else if (!eventPropertiesCapped)
        {
            eventPropertiesCapped = true;
            problems.Add($"A VEVENT has more than {CalendarLimits.MaxPropertiesPerComponent} properties; the rest are ignored.");
        }
    }

    private void ReportEventCap()
    {
        if (currentEvent is null && !eventCapReported)
        {
            eventCapReported = true;
            problems.Add($"More than {CalendarLimits.MaxEvents} VEVENTs; the rest are ignored.");
        }
    }
}
