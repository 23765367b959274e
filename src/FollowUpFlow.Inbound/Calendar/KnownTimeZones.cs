using System.Collections.Concurrent;
using TimeZoneConverter;

namespace FollowUpFlow.Inbound.Calendar;

/// <summary>IANA and Windows zone names, looked up exactly or found inside the odd TZIDs calendar programs write.</summary>
internal static class KnownTimeZones
{
    private static readonly Dictionary<string, string> IanaByName =
        TZConvert.KnownIanaTimeZoneNames.ToDictionary(n => n, n => n, StringComparer.OrdinalIgnoreCase);

    /// <summary>Area/Location names, longest first so that the most specific embedded name wins.</summary>
    private static readonly string[] IanaAreaNames =
        [.. TZConvert.KnownIanaTimeZoneNames.Where(n => n.Contains('/')).OrderByDescending(n => n.Length).ThenBy(n => n, StringComparer.Ordinal)];

    /// <summary>
    /// Windows ids worth finding inside a longer string, longest first. The "UTC", "UTC+12"... ids are left out:
    /// they would match every Outlook "(UTC+01:00) City" name.
    /// </summary>
    private static readonly string[] EmbeddableWindowsIds =
        [.. TZConvert.KnownWindowsTimeZoneIds.Where(n => !n.StartsWith("UTC", StringComparison.Ordinal)).OrderByDescending(n => n.Length).ThenBy(n => n, StringComparer.Ordinal)];

    private static readonly HashSet<string> GeographicAreas =
        new(["Africa", "America", "Antarctica", "Arctic", "Asia", "Atlantic", "Australia", "Europe", "Indian", "Pacific"], StringComparer.Ordinal);

    /// <summary>City names ("New York" for America/New_York) with their canonical zone, for Outlook's "(UTC-05:00) City, City" names.</summary>
    private static readonly (string City, string Zone)[] Cities = [.. CityNames()];

    /// <summary>Months in which a file's zone and a named zone are compared: one in each half of the DST year.</summary>
    private static readonly int[] SampleMonths = [1, 7];

    private static readonly ConcurrentDictionary<string, TimeZoneInfo?> SystemZones = new(StringComparer.Ordinal);

    /// <summary>The IANA name exactly as given (case aside), in its usual spelling.</summary>
    public static string? IanaNamed(string name) => IanaByName.GetValueOrDefault(name);

    /// <summary>The IANA zone for a Windows zone id ("W. Europe Standard Time" is Europe/Berlin).</summary>
    public static string? WindowsNamed(string name) => TZConvert.TryWindowsToIana(name, out var iana) ? iana : null;

    /// <summary>
    /// A known name inside a longer TZID: "/mozilla.org/20050126_1/Europe/Berlin", "custom_Pacific/Fiji",
    /// "Eastern Standard Time 1". IANA names first, then Windows ids.
    /// </summary>
    public static string? EmbeddedIn(string tzId)
    {
        if (tzId.Length > CalendarLimits.MaxZoneNameLength)
        {
            return null;
        }

        if (tzId.Contains('/'))
        {
            foreach (var name in IanaAreaNames)
            {
                if (IndexOfWord(tzId, name) >= 0)
                {
                    return name;
                }
            }
        }

        foreach (var id in EmbeddableWindowsIds)
        {
            if (IndexOfWord(tzId, id) >= 0)
            {
                return WindowsNamed(id);
            }
        }

        return null;
    }

    /// <summary>
    /// Names the IANA zone a file-defined VTIMEZONE stands for: the first city named in its TZID whose zone has the
    /// same offsets in January and July of <paramref name="year"/>, else Etc/GMT±n for a fixed whole-hour offset.
    /// </summary>
    public static string? NameFor(string tzId, VTimeZoneRules rules, int year)
    {
        var bestPosition = int.MaxValue;
        string? best = null;
        if (tzId.Length <= CalendarLimits.MaxZoneNameLength)
        {
            foreach (var (city, zone) in Cities)
            {
                var position = IndexOfWord(tzId, city);
                if (position >= 0 && position < bestPosition && Agrees(zone, rules, year))
                {
                    bestPosition = position;
                    best = zone;
                }
            }
        }

        return best ?? FixedOffsetName(rules);
    }

    /// <summary>The system's zone for a known IANA name; null if this machine's database lacks it.</summary>
    public static TimeZoneInfo? System(string ianaName) =>
        SystemZones.GetOrAdd(ianaName, n => TimeZoneInfo.TryFindSystemTimeZoneById(n, out var zone) ? zone : null);

    private static bool Agrees(string zone, VTimeZoneRules rules, int year)
    {
        if (System(zone) is not { } system)
        {
            return false;
        }

        var sampleYear = Math.Clamp(year, 2, 9998);
        var systemRules = new SystemZoneRules(system);
        return SampleMonths.All(month =>
        {
            var instant = new DateTime(sampleYear, month, 15, 12, 0, 0, DateTimeKind.Unspecified);
            return rules.OffsetAtUtc(instant) is { } offset && systemRules.OffsetAtUtc(instant) == offset;
        });
    }

    private static string? FixedOffsetName(VTimeZoneRules rules)
    {
        if (rules.FixedOffset is not { } offset || offset.Ticks % TimeSpan.TicksPerHour != 0)
        {
            return null;
        }

        var hours = (int)offset.TotalHours;
        var name = hours == 0 ? "Etc/UTC" : $"Etc/GMT{(hours > 0 ? '-' : '+')}{Math.Abs(hours)}";
        return IanaNamed(name);
    }

    /// <summary>Where <paramref name="word"/> occurs in <paramref name="text"/> not glued to a letter or digit; -1 if nowhere.</summary>
    private static int IndexOfWord(string text, string word)
    {
        for (var from = 0; from <= text.Length - word.Length;)
        {
            var found = text.IndexOf(word, from, StringComparison.OrdinalIgnoreCase);
            if (found < 0)
            {
                return -1;
            }

            var end = found + word.Length;
            if ((found == 0 || !char.IsLetterOrDigit(text[found - 1])) && (end == text.Length || !char.IsLetterOrDigit(text[end])))
            {
                return found;
            }

            from = found + 1;
        }

        return -1;
    }

    private static IEnumerable<(string City, string Zone)> CityNames()
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in TZConvert.KnownIanaTimeZoneNames.Order(StringComparer.Ordinal))
        {
            var slash = name.LastIndexOf('/');
            if (slash < 0 || name.StartsWith("Etc/", StringComparison.Ordinal))
            {
                continue;
            }

            // Europe/Amsterdam stays itself (even where the database links it to Brussels); US/Pacific becomes America/Los_Angeles.
            var city = name[(slash + 1)..].Replace('_', ' ');
            var zone = GeographicAreas.Contains(name[..name.IndexOf('/', StringComparison.Ordinal)]) || !TZConvert.TryGetIanaCanonicalName(name, out var canonical)
                ? name
                : canonical;
            if (seen.Add(city))
            {
                yield return (city, zone);
            }
        }
    }
}
