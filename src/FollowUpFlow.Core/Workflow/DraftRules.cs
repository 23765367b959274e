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
    /// The Message-ID of the draft's send attempt <paramref name="attempt"/> (1 for the first approval): a new one per
    /// approval, so a send the candidate asked for again is a new message, and known before approval, so a copy of the
    /// draft kept in the candidate's mailbox already carries the id its send will look for.
    /// </summary>
    public static string MessageIdFor(this Draft draft, int attempt, WorkflowSettings settings)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        var domain = string.IsNullOrWhiteSpace(settings.MessageIdDomain) ? "followupflow.local" : settings.MessageIdDomain.Trim();
        return string.Create(CultureInfo.InvariantCulture, $"<{draft.Id}.{attempt}@{domain}>");
    }

    /// <summary>The Message-ID the next approval will give the draft.</summary>
    public static string NextMessageId(this Draft draft, WorkflowSettings settings) => draft.MessageIdFor(draft.SendAttempts + 1, settings);

    public static string Label(this DraftKind kind) => kind switch
    {
        DraftKind.ThankYou => "Thank-you",
        DraftKind.StatusCheckIn => "Status check-in",
        DraftKind.FeedbackRequest => "Feedback request",
        DraftKind.FeedbackNudge => "Feedback nudge",
        _ => "Draft",
    };
}
