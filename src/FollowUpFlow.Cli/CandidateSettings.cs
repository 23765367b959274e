using System.Collections.Immutable;
using FollowUpFlow.Inbound;

namespace FollowUpFlow.Cli;

/// <summary>
/// Who the candidate is, from the options or from the same environment variables the app reads
/// (FollowUpFlow__Candidate__Email, FollowUpFlow__Candidate__TimeZone), so `parse` agrees with the app.
/// </summary>
internal static class CandidateSettings
{
    public const string EmailVariable = "FollowUpFlow__Candidate__Email";
    public const string TimeZoneVariable = "FollowUpFlow__Candidate__TimeZone";

    public static ParseOptions ToParseOptions(IReadOnlyList<string>? candidates, string? timeZone)
    {
        var addresses = candidates is { Count: > 0 }
            ? candidates
            : Environment.GetEnvironmentVariable(EmailVariable) is { Length: > 0 } fromEnvironment ? [fromEnvironment] : [];
        return new ParseOptions
        {
            CandidateAddresses = [.. addresses],
            CandidateTimeZone = timeZone ?? Environment.GetEnvironmentVariable(TimeZoneVariable) ?? TimeZoneInfo.Local.Id,
        };
    }
}
