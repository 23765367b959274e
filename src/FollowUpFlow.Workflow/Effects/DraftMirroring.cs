using FollowUpFlow.Core.Model;
using FollowUpFlow.Core.Workflow;
using FollowUpFlow.Mail;

namespace FollowUpFlow.Workflow.Effects;

/// <summary>
/// Keeps a copy of each waiting draft in the candidate's mailbox when the transport keeps drafts there (Graph): a draft
/// waiting for approval (or approvable again after a refusal) waits in Outlook's Drafts folder too, and the copy goes as
/// soon as the draft is approved, skipped, expired or withdrawn. The copy has a Message-ID of its own, never the one a
/// send uses, so nothing done to the copy can change or delete a message being sent: the send writes its own message
/// with the approved text.
/// </summary>
public static class DraftMirroring
{
    /// <summary>One mirroring effect per draft at a time; it brings the mailbox to the draft as it is when it runs.</summary>
    public static string EffectId(string draftId) => draftId + ".mirror";

    /// <summary>The Message-ID of the draft's copy in the mailbox: one per draft, whatever its send attempts.</summary>
    public static string CopyMessageId(Draft draft, WorkflowSettings settings) => MessageIds.Create(draft.Id + ".copy", settings.MessageIdDomain);

    /// <summary>Whether the mailbox should hold a copy of the draft: while the candidate can still approve it to send.</summary>
    public static bool KeepsCopy(Draft draft) => draft.Status is DraftStatus.Pending or DraftStatus.Failed;

    /// <summary>Whether a change of the draft (from nothing, for a new one) leaves the mailbox out of line.</summary>
    public static bool IsNeeded(Draft? before, Draft after) =>
        KeepsCopy(after) ? before is null || !SameInMailbox(before, after) : before is not null && KeepsCopy(before);

    /// <summary>Whether the mailbox holds the same for both: no copy for either, or a copy with the same text.</summary>
    public static bool SameInMailbox(Draft a, Draft b) =>
        KeepsCopy(a) == KeepsCopy(b)
        && (!KeepsCopy(a)
            || (a.To == b.To
                && a.InReplyTo == b.InReplyTo
                && string.Equals(a.Subject, b.Subject, StringComparison.Ordinal)
                && string.Equals(a.Body, b.Body, StringComparison.Ordinal)));
}
