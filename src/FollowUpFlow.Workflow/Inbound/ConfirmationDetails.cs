using System.Collections.Immutable;
using FollowUpFlow.Core.Model;
using FollowUpFlow.Inbound.Understanding;

namespace FollowUpFlow.Workflow.Inbound;

/// <summary>The interview a confirmation describes, or what is missing for the workflow to plan around it.</summary>
/// <param name="Note">Something the candidate should know about how the details were filled in.</param>
public sealed record ConfirmationDetails(InterviewDetails? Details, string? Problem, string? Note)
{
    /// <summary>Shown as the role when the email names none: the role is not a key field, so its absence does not stop the workflow.</summary>
    public const string UnstatedRole = "Interview";

    private const int MaxName = 200;
    private const int MaxPeople = 25;

    public static ConfirmationDetails From(EmailUnderstanding understanding, string candidateTimeZone, IReadOnlyCollection<string> candidateAddresses)
    {
        var company = understanding.Company?.Trim();
        if (string.IsNullOrEmpty(company) || company.Length > MaxName)
        {
            return new(null, string.IsNullOrEmpty(company) ? "It does not say which company the interview is with." : "Its company name is implausibly long.", null);
        }

        if (understanding.Start is not { } start || understanding.End is not { } end)
        {
            return new(null, "It does not say when the interview starts and ends.", null);
        }

        var role = understanding.Role?.Trim();
        var note = string.IsNullOrEmpty(role) || role.Length > MaxName
            ? $"The email does not name the role, so it is shown as \"{UnstatedRole}\"."
            : null;
        var timeZone = Known(understanding.TimeZone) ?? candidateTimeZone;
        var interviewers = (understanding.Interviewers.IsDefault ? [] : understanding.Interviewers)
            .Select(p => Clean(p, candidateAddresses))
            .OfType<Person>()
            .Take(MaxPeople)
            .ToImmutableArray();
        var details = new InterviewDetails(company, note is null ? role! : UnstatedRole, start, end, timeZone, interviewers, Clean(understanding.Recruiter, candidateAddresses));
        return new(details, null, note);
    }

    private static string? Known(string? timeZone) =>
        !string.IsNullOrWhiteSpace(timeZone) && TimeZoneInfo.TryFindSystemTimeZoneById(timeZone.Trim(), out _) ? timeZone.Trim() : null;

    /// <summary>The candidate is never one of their own interviewers; a person needs a name or an address.</summary>
    private static Person? Clean(Person? person, IReadOnlyCollection<string> candidateAddresses)
    {
        if (person is null || person.Email is { } email && candidateAddresses.Contains(email.Trim(), StringComparer.OrdinalIgnoreCase))
        {
            return null;
        }

        var name = person.Name?.Trim();
        var address = string.IsNullOrWhiteSpace(person.Email) ? null : person.Email.Trim();
        name = string.IsNullOrEmpty(name) ? address : name;
        return name is null || name.Length > MaxName ? null : new Person(name, address);
    }
}
