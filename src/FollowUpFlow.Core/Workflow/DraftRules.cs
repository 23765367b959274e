using System.Globalization;
using FollowUpFlow.Core.Model;

namespace FollowUpFlow.Core.Workflow;

/// <summary>Questions about drafts that several handlers ask the same way.</summary>
public static class DraftRules
{
    /// <summary>Still waiting for the candidate's decision: never sent, refused by the provider and retryable, or of unknown fate.</summary>
    public static bool IsOpen(this Draft draft) => draft.Status is DraftStatus.Pending or DraftStatus.Failed or DraftStatus.Uncertain;

    /// <summary>Has (or may have) left the mailbox at least once; a failed send still counts as an attempt.</summary>
    public static bool WasEverSent(this Draft draft) =>
        draft.Status is DraftStatus.Sending or DraftStatus.Sent or DraftStatus.Uncertain || draft.SendAttempts > 0;

    /// <summary>
    /// The Message-ID the next approval gives the draft: one per approval (<c>&lt;{draft id}.{attempt}@{domain}&gt;</c>),
    /// so a send the candidate asked for again is a new message, and a retried send of the same approval is the same one.
    /// </summary>
    public static string NextMessageId(this Draft draft, WorkflowSettings settings)
    {
        var domain = string.IsNullOrWhiteSpace(settings.MessageIdDomain) ? "followupflow.local" : settings.MessageIdDomain.Trim();
        return string.Create(CultureInfo.InvariantCulture, $"<{draft.Id}.{draft.SendAttempts + 1}@{domain}>");
    }

    public static string Label(this DraftKind kind) => kind switch
    {
        DraftKind.ThankYou => "Thank-you",
        DraftKind.StatusCheckIn => "Status check-in",
        DraftKind.FeedbackRequest => "Feedback request",
        DraftKind.FeedbackNudge => "Feedback nudge",
        _ => "Draft",
    };
}
