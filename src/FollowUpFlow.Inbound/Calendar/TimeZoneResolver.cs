namespace FollowUpFlow.Inbound.Calendar;

/// <summary>A TZID resolved: the IANA zone it stands for (null when only the file's VTIMEZONE defines it) and its rules.</summary>
internal sealed record ResolvedZone(string? IanaId, IZoneRules Rules);

/// <summary>
/// Resolves the TZIDs of one calendar, in order of trust: an IANA name, a Windows id, a known name embedded in
/// the TZID, the file's own VTIMEZONE. Each TZID is resolved once per calendar.
/// </summary>
internal sealed class TimeZoneResolver
{
    private readonly Dictionary<string, ZoneDraft> fileZones = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, ResolvedZone?> resolved = new(StringComparer.Ordinal);
    private readonly ProblemLog problems;
    private readonly ZoneYearBudget budget;
    private bool lookupCapReported;

    public TimeZoneResolver(IEnumerable<ZoneDraft> drafts, ProblemLog problems)
    {
        this.problems = problems;
        budget = new ZoneYearBudget(problems);
        foreach (var draft in drafts)
        {
            fileZones.TryAdd(draft.TzId!, draft);
        }
    }

    /// <summary>The zone for a TZID, or null (with a problem, once) when none can be found.</summary>
    /// <param name="year">A year the zone is used in, to check a file-defined zone against a named one.</param>
    public ResolvedZone? Resolve(string tzId, int year)
    {
        if (resolved.TryGetValue(tzId, out var known))
        {
            return known;
        }

        if (resolved.Count == CalendarLimits.MaxZoneLookups)
        {
            if (!lookupCapReported)
            {
                lookupCapReported = true;
                problems.Add($"More than {CalendarLimits.MaxZoneLookups} different TZIDs; the rest are read as floating times.");
            }

            return null;
        }

        var zone = Lookup(tzId, year);
        if (zone is null)
        {
            problems.Add($"TZID '{ProblemLog.Snippet(tzId)}' is neither a known zone nor defined in the calendar; its times are read as floating.");
        }

        resolved[tzId] = zone;
        return zone;
    }

    private ResolvedZone? Lookup(string tzId, int year)
    {
        var name = tzId.Trim();
        var iana = KnownTimeZones.IanaNamed(name) ?? KnownTimeZones.WindowsNamed(name) ?? KnownTimeZones.EmbeddedIn(name);
        if (iana is not null && KnownTimeZones.System(iana) is { } system)
        {
            return new ResolvedZone(iana, new SystemZoneRules(system));
        }

        if (fileZones.TryGetValue(name, out var draft) && VTimeZoneReader.Read(draft, budget, problems) is { } rules)
        {
            return new ResolvedZone(KnownTimeZones.NameFor(name, rules, year), rules);
        }

        return null;
    }
}
