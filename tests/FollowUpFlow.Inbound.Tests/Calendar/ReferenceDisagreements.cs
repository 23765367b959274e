namespace FollowUpFlow.Inbound.Tests.Calendar;

/// <summary>Fields where python icalendar's reading (reference.json) is wrong, or stricter than we mean to be, with the reason.</summary>
public static class ReferenceDisagreements
{
    // python icalendar keeps every VTIMEZONE it has ever read in a process-wide cache. reference.json was made by
    // reading the files in name order, so "Western/Central Europe", defined only in
    // issue_156_RDATE_with_PERIOD_TZID_khal_2.ics, leaks into these files, which define no VTIMEZONE. On its own
    // the TZID is no known zone, so the times are floating (RFC 5545 3.2.19 requires a matching VTIMEZONE).
    private const string LeakedTimeZone = "TZID 'Western/Central Europe' is defined in another file only; the reference borrowed it through its global cache";

    public static IReadOnlyDictionary<(string File, string Field), string> Known { get; } = new Dictionary<(string, string), string>
    {
        [("issue_526_calendar_with_different_events.ics", "dtstart")] = LeakedTimeZone,
        [("issue_526_calendar_with_different_events.ics", "dtend")] = LeakedTimeZone,
        [("issue_526_calendar_with_event_subset.ics", "dtstart")] = LeakedTimeZone,
        [("issue_526_calendar_with_event_subset.ics", "dtend")] = LeakedTimeZone,
        [("issue_526_calendar_with_events.ics", "dtstart")] = LeakedTimeZone,
        [("issue_526_calendar_with_events.ics", "dtend")] = LeakedTimeZone,
        [("issue_526_calendar_with_shuffeled_events.ics", "dtstart")] = LeakedTimeZone,
        [("issue_526_calendar_with_shuffeled_events.ics", "dtend")] = LeakedTimeZone,

        // "DTSTART;;VALUE=DATE-TIME:20140409T093000": the reference drops the whole property over the empty parameter;
        // we skip the empty parameter and keep the value, which is unambiguous.
        [("broken_ical.ics", "dtstart")] = "an empty parameter (';;') is skipped rather than losing DTSTART",
    };
}
