using System.Collections.Immutable;
using FollowUpFlow.Core.Model;

namespace FollowUpFlow.Core.Workflow;

/// <summary>Who a draft may go to. Never the candidate themselves, never anyone without an address.</summary>
internal static class Recipients
{
    /// <summary>One per distinct address (case-insensitive), in panel order.</summary>
    public static ImmutableArray<Person> ThankYou(InterviewDetails details, CandidateProfile candidate)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var result = ImmutableArray.CreateBuilder<Person>();
        foreach (var interviewer in details.Interviewers)
        {
            if (Addressable(interviewer, candidate) is { } person && seen.Add(person.Email!))
            {
                result.Add(person);
            }
        }

        return result.ToImmutable();
    }

    public static Person? Recruiter(InterviewDetails details, CandidateProfile candidate) =>
        Addressable(details.Recruiter, candidate);

    /// <summary>The recruiter, else the first interviewer with an address.</summary>
    public static Person? FeedbackContact(InterviewDetails details, CandidateProfile candidate) =>
        Recruiter(details, candidate)
        ?? details.Interviewers.Select(i => Addressable(i, candidate)).FirstOrDefault(p => p is not null);

    public static bool IsCandidate(string? email, CandidateProfile candidate) =>
        !string.IsNullOrWhiteSpace(email)
        && !string.IsNullOrWhiteSpace(candidate.Email)
        && string.Equals(email.Trim(), candidate.Email.Trim(), StringComparison.OrdinalIgnoreCase);

    /// <summary>The person with a trimmed address, or null when they cannot (or must not) be written to.</summary>
    private static Person? Addressable(Person? person, CandidateProfile candidate)
    {
        if (person is null || !person.HasEmail || IsCandidate(person.Email, candidate))
        {
            return null;
        }

        return new Person((person.Name ?? string.Empty).Trim(), person.Email!.Trim());
    }
}
