namespace FollowUpFlow.Inbound.Calendar;

/// <summary>Caps that keep a broken or hostile calendar cheap to read; reaching one is recorded as a problem.</summary>
internal static class CalendarLimits
{
    public const int MaxInputChars = 2_000_000;
    public const int MaxLines = 20_000;
    public const int MaxParameters = 64;
    public const int MaxDepth = 32;
    public const int MaxEvents = 1_000;
    public const int MaxPropertiesPerEvent = 500;
    public const int MaxTimeZones = 100;
    public const int MaxObservances = 64;
    public const int MaxDatesPerObservance = 64;
    public const int MaxZoneLookups = 64;
    public const int MaxProblems = 200;

    /// <summary>Longer TZIDs are not searched for embedded zone names (real ones are well under this).</summary>
    public const int MaxZoneNameLength = 256;
}
