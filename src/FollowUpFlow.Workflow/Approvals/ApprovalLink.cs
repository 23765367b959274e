namespace FollowUpFlow.Workflow.Approvals;

/// <summary>What a signed approval link says: who may do what to which draft, until when.</summary>
/// <param name="ExpiresAt">Whole seconds; the link is refused from this instant on.</param>
/// <param name="Nonce">The link's random 128-bit id as 32 lowercase hex digits: what makes it work only once.</param>
public sealed record ApprovalLink(
    string UserId,
    string InterviewId,
    string DraftId,
    ApprovalAction Action,
    DateTimeOffset ExpiresAt,
    string Nonce);
