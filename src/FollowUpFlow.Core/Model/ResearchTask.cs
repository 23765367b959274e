namespace FollowUpFlow.Core.Model;

/// <summary>Queued on a rejection: find out who got the role and what their profile has that the candidate's lacks.</summary>
/// <param name="Id">Idempotency key: "{interviewId}-research". A consumer that sees it twice does the work once.</param>
public sealed record ResearchTask(
    string Id,
    string InterviewId,
    string Company,
    string Role,
    SuccessfulCandidate? SuccessfulCandidate,
    DateTimeOffset RequestedAt);
