using FollowUpFlow.Core.Model;
using FollowUpFlow.Core.Workflow;

namespace FollowUpFlow.Workflow.Effects;

/// <summary>
/// Keeps the candidate's mailbox in line with their drafts when the transport keeps drafts there (Graph): a draft waiting
/// for approval waits in Outlook's Drafts folder too, with the Message-ID its approval will send it under, so the send
/// finds it and sends that very message; a draft skipped, expired or withdrawn leaves the Drafts folder. Only drafts are
/// ever deleted, never a message that left.
/// </summary>
public static class DraftMirroring
{
    /// <summary>One mirroring effect per draft at a time; it brings the mailbox to the draft as it is when it runs.</summary>
    public static string EffectId(string draftId) => draftId + ".mirror";

    /// <summary>Whether a change of the draft (from nothing, for a new one) leaves the mailbox out of line.</summary>
    public static bool IsNeeded(Draft? before, Draft after) => after.Status switch
    {
        DraftStatus.Pending or DraftStatus.Failed => before is null || !SameInMailbox(before, after),

        // Only a draft that was waiting (its copy) or being sent (the send's own draft) can have left one behind.
        DraftStatus.Rejected or DraftStatus.Expired or DraftStatus.Withdrawn or DraftStatus.Uncertain =>
            before is { Status: DraftStatus.Pending or DraftStatus.Failed or DraftStatus.Sending },
        _ => false,
    };

    /// <summary>Whether the mailbox copy of <paramref name="a"/> is also the copy of <paramref name="b"/>.</summary>
    public static bool SameInMailbox(Draft a, Draft b) =>
        a.Status == b.Status
        && a.SendAttempts == b.SendAttempts
        && a.To == b.To
        && a.InReplyTo == b.InReplyTo
        && string.Equals(a.Subject, b.Subject, StringComparison.Ordinal)
        && string.Equals(a.Body, b.Body, StringComparison.Ordinal);

    /// <summary>What the mailbox should hold for the draft as it is now.</summary>
    public static MirrorPlan Plan(Draft draft, WorkflowSettings settings)
    {
        // A refused or unfinished attempt may have left its own draft under the attempt's id.
        string[] lastAttempt = draft.SendAttempts > 0 ? [draft.MessageIdFor(draft.SendAttempts, settings)] : [];
        return draft.Status switch
        {
            DraftStatus.Pending or DraftStatus.Failed => new MirrorPlan(draft.NextMessageId(settings), lastAttempt, WaitForSend: false),

            // The send owns the mailbox message until it is over; tidying now could delete the draft it is sending.
            DraftStatus.Sending => new MirrorPlan(null, [], WaitForSend: true),
            _ => new MirrorPlan(null, [.. lastAttempt, draft.NextMessageId(settings)], WaitForSend: false),
        };
    }
}

/// <param name="Keep">The Message-ID of the copy to create or update with the draft's text; null when none should exist.</param>
/// <param name="Delete">Message-IDs whose drafts should go (a sent message with one of them stays).</param>
/// <param name="WaitForSend">The draft is being sent: try again once the send is over.</param>
public sealed record MirrorPlan(string? Keep, IReadOnlyList<string> Delete, bool WaitForSend);
