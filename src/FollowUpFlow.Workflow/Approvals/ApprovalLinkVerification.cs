using System.Diagnostics.CodeAnalysis;

namespace FollowUpFlow.Workflow.Approvals;

public enum ApprovalLinkStatus
{
    /// <summary>Authentic and not expired. Whether it was used already is <see cref="UsedApprovalLinks"/>' answer.</summary>
    Valid,

    /// <summary>Not a token of ours at all: wrong shape, too long, not base64url, or an unknown format.</summary>
    Malformed,

    /// <summary>Well formed, but no configured key signed it (tampered with, or signed with a key no longer listed).</summary>
    Forged,

    /// <summary>Authentic, but its time is up.</summary>
    Expired,
}

/// <summary>
/// What <see cref="ApprovalLinkSigner.Verify"/> found. <see cref="Link"/> is set for a valid and for an expired token
/// (both are authentic, so an expired link can still say which draft it was for); never for a malformed or forged one.
/// </summary>
public sealed record ApprovalLinkVerification(ApprovalLinkStatus Status, ApprovalLink? Link)
{
    public static ApprovalLinkVerification Malformed { get; } = new(ApprovalLinkStatus.Malformed, null);

    public static ApprovalLinkVerification Forged { get; } = new(ApprovalLinkStatus.Forged, null);

    [MemberNotNullWhen(true, nameof(Link))]
    public bool IsValid => Status == ApprovalLinkStatus.Valid && Link is not null;
}
