using System.Collections.Immutable;

namespace FollowUpFlow.Core.Model;

public enum NotificationKind
{
    /// <summary>After the interview: what went well, which questions stumped you.</summary>
    ReflectionPrompt,

    /// <summary>New drafts wait for approval (the digest).</summary>
    DraftsWaiting,

    /// <summary>Drafts still wait for approval.</summary>
    ApprovalReminder,

    /// <summary>A send failed permanently; the candidate has to decide.</summary>
    SendFailed,

    /// <summary>A send was interrupted and nobody can tell whether it left; the candidate has to decide.</summary>
    SendUncertain,

    /// <summary>Something worth knowing with no draft attached (e.g. a status check-in was due but nobody has an address).</summary>
    Information,
}

/// <summary>A message to the candidate themselves; these need no approval because they go to the candidate only.</summary>
/// <param name="Id">Unique within the interview ("n{sequence}"): the idempotency key of the send.</param>
public sealed record CandidateNotification(
    string Id,
    NotificationKind Kind,
    string Subject,
    string Body,
    ImmutableArray<string> DraftIds);
