namespace FollowUpFlow.App.Contracts;

public sealed record PersonDto(string? Name, string? Email);

public sealed record CreateInterviewRequest(
    string? Company,
    string? Role,
    DateTimeOffset? Start,
    DateTimeOffset? End,
    string? TimeZone,
    IReadOnlyList<PersonDto>? Interviewers,
    PersonDto? Recruiter);

public sealed record SuccessfulCandidateDto(string? Name, string? ProfileUrl, string? ProfileText);

public sealed record OutcomeRequest(string? Outcome, SuccessfulCandidateDto? SuccessfulCandidate);

public sealed record ReplyRequest(string? From, string? Subject, string? Body, DateTimeOffset? ReceivedAt);

public sealed record RescheduleRequest(DateTimeOffset? Start, DateTimeOffset? End, string? TimeZone);

public sealed record CancelRequest(string? Reason);

/// <summary>Optional edits made when approving a draft; absent fields keep the draft's text.</summary>
public sealed record DraftEditRequest(string? Subject, string? Body);
