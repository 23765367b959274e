namespace FollowUpFlow.Inbound.Calendar;

/// <summary>A VTIMEZONE as collected: its TZID and the lines of each STANDARD/DAYLIGHT block, read only if an event refers to it.</summary>
internal sealed class ZoneDraft
{
    public string? TzId { get; set; }

    public List<List<ContentLine>> Observances { get; } = [];
}
