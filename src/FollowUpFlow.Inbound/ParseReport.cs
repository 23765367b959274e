using System.Collections.Immutable;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using FollowUpFlow.Inbound.Understanding;

namespace FollowUpFlow.Inbound;

/// <summary>A person as reports show them.</summary>
public sealed record ReportPerson(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("email")] string? Email);

/// <summary>
/// The understanding of one email in the shape `followupflow parse` prints and the API returns:
/// instants with the interview's own UTC offset, null for what is absent.
/// </summary>
public sealed record ParseReport(
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("company")] string? Company,
    [property: JsonPropertyName("role")] string? Role,
    [property: JsonPropertyName("start")] DateTimeOffset? Start,
    [property: JsonPropertyName("end")] DateTimeOffset? End,
    [property: JsonPropertyName("timeZone")] string? TimeZone,
    [property: JsonPropertyName("interviewers")] ImmutableArray<ReportPerson> Interviewers,
    [property: JsonPropertyName("recruiter")] ReportPerson? Recruiter,
    [property: JsonPropertyName("meetingUrl")] string? MeetingUrl,
    [property: JsonPropertyName("location")] string? Location,
    [property: JsonPropertyName("confidence")] ImmutableSortedDictionary<string, double> Confidence,
    [property: JsonPropertyName("needsReview")] bool NeedsReview,
    [property: JsonPropertyName("problems")] ImmutableArray<string> Problems)
{
    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static ParseReport From(EmailUnderstanding understanding)
    {
        ArgumentNullException.ThrowIfNull(understanding);
        return new ParseReport(
            KindName(understanding.Kind),
            understanding.Company,
            understanding.Role,
            understanding.Start,
            understanding.End,
            understanding.TimeZone,
            [.. understanding.Interviewers.Select(p => new ReportPerson(p.Name, p.Email))],
            understanding.Recruiter is { } r ? new ReportPerson(r.Name, r.Email) : null,
            understanding.MeetingUrl,
            understanding.Location,
            understanding.Confidence.ToImmutableSortedDictionary(StringComparer.Ordinal),
            understanding.NeedsReview,
            understanding.Problems);
    }

    public static string KindName(EmailKind kind) => kind switch
    {
        EmailKind.Confirmation => "confirmation",
        EmailKind.Reschedule => "reschedule",
        EmailKind.Cancellation => "cancellation",
        EmailKind.Rejection => "rejection",
        EmailKind.Offer => "offer",
        _ => "other",
    };

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);
}
