namespace FollowUpFlow.Inbound.Calendar;

/// <summary>Caps that keep a broken or hostile calendar cheap to read; reaching one is recorded as a problem.</summary>
internal static class CalendarLimits
{
    public const int MaxInputChars = 2_000_000;
    public const int MaxLines = 20_000;
    public const int MaxParameters = 64;
    public const int MaxDepth = 32;
    public const int MaxEvents = 1_000;
    public const int MaxPropertiesPerComponent = 500;
    public const int MaxTimeZones = 100;
    public const int MaxObservancesRead = 256;

    /// <summary>Observances a zone is worked out from; past it, the ones that start latest are kept (they hold today's rules).</summary>
    public const int MaxObservances = 32;
    public const int MaxDatesPerObservance = 64;
    public const int MaxZoneLookups = 64;
    public const int MaxZoneYears = 50;
    public const int MaxProblems = 200;

    /// <summary>Longer TZIDs are not searched for embedded zone names (real ones are well under this).</summary>
    public const int MaxZoneNameLength = 256;
}
