using System.Globalization;
using FollowUpFlow.Core.Workflow.Timing;

namespace FollowUpFlow.App.Dashboard;

/// <summary>Instants as a person reads them: in the interview's own zone, named, so nobody converts in their head.</summary>
internal static class DashboardTime
{
    public static string Format(DateTimeOffset instant, string? timeZone)
    {
        if (TimeZones.TryFind(timeZone, out var zone))
        {
            var local = Timeline.ToLocal(instant, zone);
            return string.Create(CultureInfo.InvariantCulture, $"{local:ddd d MMM yyyy, HH:mm} ({timeZone!.Trim()})");
        }

        return instant.ToUniversalTime().ToString("ddd d MMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture);
    }

    /// <summary>The machine-readable value for a &lt;time datetime&gt; attribute.</summary>
    public static string Iso(DateTimeOffset instant) => instant.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
