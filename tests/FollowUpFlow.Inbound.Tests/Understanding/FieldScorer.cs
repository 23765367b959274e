using System.Text.Json.Nodes;
using FollowUpFlow.Inbound.Understanding;

namespace FollowUpFlow.Inbound.Tests.Understanding;

/// <summary>
/// Whether one extracted field is right, the way the corpus README defines it: company names without legal
/// suffixes, titles without case, instants with their offsets, people matched by address (by name when the
/// expected person has none).
/// </summary>
public static class FieldScorer
{
    public static readonly string[] Fields = ["kind", "company", "role", "start", "end", "timeZone", "interviewers", "recruiter", "meetingUrl", "location"];

    public static bool IsRight(string field, JsonNode? expected, JsonNode? actual) => field switch
    {
        "company" => BothNull(expected, actual) || (expected is not null && actual is not null && CompanyNames.Same(Text(expected), Text(actual))),
        "role" or "location" => Loose(Text(expected)) == Loose(Text(actual)),
        "start" or "end" => SameInstantAndOffset(Text(expected), Text(actual)),
        "timeZone" or "kind" => string.Equals(Text(expected), Text(actual), StringComparison.OrdinalIgnoreCase),
        "meetingUrl" => Text(expected)?.Trim() == Text(actual)?.Trim(),
        "interviewers" => SamePeople(expected?.AsArray() ?? [], actual?.AsArray() ?? []),
        "recruiter" => BothNull(expected, actual) || (expected is not null && actual is not null && SamePerson(expected, actual)),
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "not a scored field"),
    };

    private static bool BothNull(JsonNode? a, JsonNode? b) => a is null && b is null;

    private static string? Text(JsonNode? node) => node?.GetValue<string>();

    private static string? Loose(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var kept = TextFoldForTests(text).Where(c => char.IsLetterOrDigit(c)).ToArray();
        return new string(kept);
    }

    private static string TextFoldForTests(string text) => text.Normalize(System.Text.NormalizationForm.FormC).ToLowerInvariant();

    private static bool SameInstantAndOffset(string? expected, string? actual)
    {
        if (expected is null || actual is null)
        {
            return expected is null && actual is null;
        }

        var e = DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture);
        var a = DateTimeOffset.Parse(actual, System.Globalization.CultureInfo.InvariantCulture);
        return e == a && e.Offset == a.Offset;
    }

    private static bool SamePeople(JsonArray expected, JsonArray actual)
    {
        if (expected.Count != actual.Count)
        {
            return false;
        }

        var unmatched = actual.ToList();
        foreach (var person in expected)
        {
            var match = unmatched.FirstOrDefault(a => SamePerson(person!, a!));
            if (match is null)
            {
                return false;
            }

            unmatched.Remove(match);
        }

        return true;
    }

    private static bool SamePerson(JsonNode expected, JsonNode actual)
    {
        var expectedEmail = expected["email"]?.GetValue<string>();
        var actualEmail = actual["email"]?.GetValue<string>();
        if (expectedEmail is not null)
        {
            return string.Equals(expectedEmail, actualEmail, StringComparison.OrdinalIgnoreCase);
        }

        return Loose(expected["name"]?.GetValue<string>()) == Loose(actual["name"]?.GetValue<string>());
    }
}
