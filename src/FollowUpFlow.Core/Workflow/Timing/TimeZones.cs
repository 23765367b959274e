using System.Diagnostics.CodeAnalysis;

namespace FollowUpFlow.Core.Workflow.Timing;

/// <summary>Resolves IANA (or Windows) time zone ids without ever throwing.</summary>
public static class TimeZones
{
    public static bool TryFind(string? id, [NotNullWhen(true)] out TimeZoneInfo? zone)
    {
        zone = null;
        return !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out zone);
    }

    /// <summary>
    /// The interview's zone. A state the decider created always has a valid one; the fallbacks only keep a
    /// hand-made or legacy state (or a host missing tzdata) from throwing.
    /// </summary>
    /// <summary>The first of the given zones that is known here, else UTC.</summary>
    public static TimeZoneInfo Resolve(string? preferred, string? fallback) =>
        TryFind(preferred, out var zone) ? zone
        : TryFind(fallback, out var other) ? other
        : TimeZoneInfo.Utc;
}
