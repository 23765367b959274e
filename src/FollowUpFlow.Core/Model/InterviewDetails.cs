using System.Collections.Immutable;

namespace FollowUpFlow.Core.Model;

/// <summary>What a confirmation tells us about an interview.</summary>
/// <param name="TimeZone">IANA time zone id the interview is held in, e.g. "Europe/Berlin".</param>
public sealed record InterviewDetails(
    string Company,
    string Role,
    DateTimeOffset Start,
    DateTimeOffset End,
    string TimeZone,
    ImmutableArray<Person> Interviewers,
    Person? Recruiter);
