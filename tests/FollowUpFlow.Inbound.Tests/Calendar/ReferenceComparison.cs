using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using FollowUpFlow.Inbound.Calendar;

namespace FollowUpFlow.Inbound.Tests.Calendar;

/// <summary>One field of reference.json set against our reading of the same file.</summary>
public sealed record FieldComparison(string Field, string? Expected, string? Actual)
{
    public bool Agrees => string.Equals(Expected, Actual, StringComparison.Ordinal);

    public override string ToString() => $"{Field}: reference {Expected ?? "null"}, ours {Actual ?? "null"}";
}

/// <summary>
/// Puts our reading in reference.json's terms: METHOD, VEVENT count and, for the first VEVENT, UID, SEQUENCE, SUMMARY,
/// DTSTART/DTEND ({"utc"}, {"floating"}, {"date"}, or {"other"} for a repeated DTSTART, whose first value counts),
/// ORGANIZER, ATTENDEEs (addresses, mailto: dropped, case ignored) and LOCATION.
/// </summary>
public static partial class ReferenceComparison
{
    public static IReadOnlyList<FieldComparison> Compare(JsonElement reference, CalendarDocument ours)
    {
        var comparisons = new List<FieldComparison>
        {
            new("method", Text(reference, "method"), ours.Method),
            new("events", reference.GetProperty("events").GetInt32().ToString(CultureInfo.InvariantCulture), ours.Events.Length.ToString(CultureInfo.InvariantCulture)),
        };
        if (reference.GetProperty("events").GetInt32() == 0)
        {
            return comparisons;
        }

        var first = ours.Events.IsEmpty ? null : ours.Events[0];
        comparisons.Add(new("uid", Text(reference, "uid"), first?.Uid));
        comparisons.Add(new("sequence", reference.GetProperty("sequence") is { ValueKind: JsonValueKind.Number } s ? s.GetInt32().ToString(CultureInfo.InvariantCulture) : null, first?.Sequence?.ToString(CultureInfo.InvariantCulture)));
        comparisons.Add(new("summary", Text(reference, "summary"), first?.Summary));
        comparisons.Add(new("dtstart", Time(reference.GetProperty("dtstart")), Time(first?.Start)));

        // The reference reads DTEND only; an end we computed from DURATION has nothing to be compared with.
        var endFromDuration = first is { Duration: not null } && !first.Properties.Any(p => p.Name == "DTEND");
        if (!endFromDuration || reference.GetProperty("dtend").ValueKind != JsonValueKind.Null)
        {
            comparisons.Add(new("dtend", Time(reference.GetProperty("dtend")), Time(first?.End)));
        }

        comparisons.Add(new("organizer", Address(Text(reference, "organizer")), first?.Organizer?.Email?.ToLowerInvariant()));
        comparisons.Add(new("attendees", string.Join(" ", reference.GetProperty("attendees").EnumerateArray().Select(a => Address(a.GetString()))), first is null ? null : string.Join(" ", first.Attendees.Select(a => a.Email?.ToLowerInvariant()))));
        comparisons.Add(new("location", Text(reference, "location"), first?.Location));
        return comparisons;
    }

    private static string? Text(JsonElement reference, string name) =>
        reference.GetProperty(name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    private static string? Address(string? uri) =>
        uri is null ? null : (uri.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) ? uri[7..] : uri).ToLowerInvariant();

    private static string? Time(JsonElement reference)
    {
        if (reference.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var (kind, value) = reference.EnumerateObject().Select(p => (p.Name, p.Value.GetString()!)).Single();
        if (kind != "other")
        {
            return $"{kind} {value}";
        }

        // python's repr of a repeated DTSTART: the first "yyyy-MM-dd HH:mm:ss+hh:mm" is the value we read.
        var firstValue = OtherValue().Match(value);
        var instant = DateTimeOffset.ParseExact(firstValue.Value, "yyyy-MM-dd HH:mm:sszzz", CultureInfo.InvariantCulture);
        return $"utc {instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}";
    }

    private static string? Time(CalendarTime? time) => time switch
    {
        null => null,
        { Kind: CalendarTimeKind.Date } => $"date {time.Local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}",
        { Kind: CalendarTimeKind.Floating } => $"floating {time.Local.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture)}",
        _ => $"utc {time.Instant!.Value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}",
    };

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex OtherValue();
}
