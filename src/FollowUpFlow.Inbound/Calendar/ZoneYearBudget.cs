namespace FollowUpFlow.Inbound.Calendar;

/// <summary>
/// How many years of clock changes one calendar may have its VTIMEZONEs work out. Real invitations need a year or
/// two; the cap bounds the work a hostile file can ask for. Past it, times in those zones are read as floating.
/// </summary>
internal sealed class ZoneYearBudget(ProblemLog problems)
{
    private int remaining = CalendarLimits.MaxZoneYears;

    public bool TryTakeYear()
    {
        if (remaining > 0)
        {
            remaining--;
            return true;
        }

        if (remaining == 0)
        {
            remaining = -1;
            problems.Add($"The calendar's VTIMEZONEs were asked about more than {CalendarLimits.MaxZoneYears} years; later times in them are read as floating.");
        }

        return false;
    }
}
