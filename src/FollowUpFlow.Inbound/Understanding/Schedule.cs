namespace FollowUpFlow.Inbound.Understanding;

/// <summary>When the interview is: instants carrying the interview zone's offset, each part with its confidence.</summary>
internal sealed record Schedule(
    DateTimeOffset? Start,
    DateTimeOffset? End,
    string? TimeZone,
    double StartConfidence,
    double EndConfidence,
    double TimeZoneConfidence)
{
    public static readonly Schedule None = new(null, null, null, 0, 0, 0);
}
