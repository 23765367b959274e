namespace FollowUpFlow.Core.Model;

/// <summary>The company's decision (or the candidate's, for <see cref="Withdrawn"/>).</summary>
public enum Outcome
{
    Rejected,
    Offer,
    Withdrawn,
    NoResponse,
}

/// <summary>Who got the job, as far as the candidate knows: the seed of the research task.</summary>
public sealed record SuccessfulCandidate(string? Name, string? ProfileUrl, string? ProfileText);
