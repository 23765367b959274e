using System.Globalization;
using FollowUpFlow.Core.Model;
using FollowUpFlow.Core.Workflow;
using FollowUpFlow.Core.Workflow.Timing;

namespace FollowUpFlow.Core.Templates;

/// <summary>The values of the standard placeholders for one interview and one recipient.</summary>
public static class TemplateValues
{
    /// <summary>Used where a name is missing, so a greeting reads "Hi there," rather than "Hi ,".</summary>
    public const string NoName = "there";

    public static Dictionary<string, string?> For(InterviewState state, WorkflowSettings settings, Person? recipient = null)
    {
        var details = state.Details;
        var candidate = settings.Candidate;
        var interviewers = details.Interviewers.IsDefault ? [] : details.Interviewers;
        var interviewer = recipient is not null && interviewers.Any(i => SamePerson(i, recipient))
            ? recipient
            : interviewers.FirstOrDefault(i => !string.IsNullOrWhiteSpace(i?.Name));
        var zone = TimeZones.Resolve(details.TimeZone, candidate.TimeZone);
        var signature = string.IsNullOrWhiteSpace(candidate.Signature) ? candidate.Name : candidate.Signature;

        return new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            [Placeholders.CandidateName] = Clean(candidate.Name),
            [Placeholders.CandidateFirstName] = FirstName(candidate.Name) ?? NoName,
            [Placeholders.InterviewerFirstName] = FirstName(interviewer?.Name) ?? NoName,
            [Placeholders.RecruiterFirstName] = FirstName(details.Recruiter?.Name) ?? NoName,
            [Placeholders.RecipientFirstName] = FirstName(recipient?.Name) ?? NoName,
            [Placeholders.InterviewerName] = NameOrFallback(interviewer),
            [Placeholders.RecruiterName] = NameOrFallback(details.Recruiter),
            [Placeholders.RecipientName] = NameOrFallback(recipient),
            [Placeholders.Company] = Clean(details.Company),
            [Placeholders.Role] = Clean(details.Role),
            [Placeholders.InterviewDate] = Timeline.ToLocal(details.Start, zone).ToString("dddd d MMMM", CultureInfo.InvariantCulture),
            [Placeholders.Signature] = signature?.Trim(),
        };
    }

    private static string NameOrFallback(Person? person) =>
        string.IsNullOrWhiteSpace(person?.Name) ? NoName : person.Name.Trim();

    private static string? Clean(string? value) => value?.Trim();

    /// <summary>"Ana Silva" → "Ana"; "Silva, Ana" → "Ana"; a name that is an address (no name was given) → null.</summary>
    public static string? FirstName(string? name)
    {
        var trimmed = name?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Contains('@', StringComparison.Ordinal))
        {
            return null;
        }

        var comma = trimmed.IndexOf(',', StringComparison.Ordinal);
        if (comma > 0 && comma < trimmed.Length - 1)
        {
            trimmed = trimmed[(comma + 1)..].Trim();
        }

        var space = trimmed.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 ? trimmed[..space] : trimmed;
    }

    private static bool SamePerson(Person? a, Person b) =>
        a is not null
        && string.Equals(a.Name?.Trim(), b.Name, StringComparison.Ordinal)
        && string.Equals(a.Email?.Trim(), b.Email?.Trim(), StringComparison.OrdinalIgnoreCase);
}
