using System.Globalization;
using FollowUpFlow.Core.Events;
using FollowUpFlow.Core.Model;
using FollowUpFlow.Core.Templates;

namespace FollowUpFlow.Core.Workflow.Handlers;

/// <summary>The candidate's verdict on a draft: approve (maybe edited) to send it, or reject to skip it.</summary>
internal static class ApprovalHandler
{
    public static Decision Approve(Transition transition, DraftApproved approved)
    {
        if (Unavailable(transition, approved.DraftId, "approved") is { } refusal)
        {
            return refusal;
        }

        var draft = transition.State.FindDraft(approved.DraftId)!;
        if (draft.ExpiresAt is { } expiresAt && transition.Now >= expiresAt)
        {
            return transition.Refuse(string.Create(
                CultureInfo.InvariantCulture,
                $"The {Describe(draft)} expired at {expiresAt:O}; a late thank-you is worse than none."));
        }

        if (EditProblem(approved) is { } problem)
        {
            return transition.Refuse(problem);
        }

        if (draft.Kind == DraftKind.ThankYou && AlreadyThanked(transition.State, draft) is { } earlier)
        {
            return transition.Refuse($"{earlier.To.Name} already received a thank-you ({earlier.Id}); one per interviewer is enough.");
        }

        var subject = approved.Subject is null ? draft.Subject : DraftComposer.SingleLine(approved.Subject);
        var body = approved.Body is null ? draft.Body : approved.Body.ReplaceLineEndings("\n").Trim();
        var sending = draft with
        {
            Subject = subject,
            Body = body,
            Edited = draft.Edited || subject != draft.Subject || body != draft.Body,
            Status = DraftStatus.Sending,
            ApprovedAt = transition.Now,
            SendAttempts = draft.SendAttempts + 1,
            MessageId = draft.NextMessageId(transition.Settings),
            FailureReason = null,
        };
        transition.ReplaceDraft(sending);
        transition.Send(sending);
        return transition.Apply();
    }

    public static Decision Reject(Transition transition, DraftRejected rejected)
    {
        if (Unavailable(transition, rejected.DraftId, "skipped") is { } refusal)
        {
            return refusal;
        }

        var draft = transition.State.FindDraft(rejected.DraftId)!;
        transition.ReplaceDraft(draft with { Status = DraftStatus.Rejected });
        if (draft.Kind == DraftKind.FeedbackRequest)
        {
            // Not asking for feedback means there is nothing left to wait for.
            transition.Close(CloseReason.FeedbackRequestDeclined);
        }

        return transition.Apply();
    }

    /// <summary>Why the draft cannot be decided on now, or null when it is open (pending, or failed and retryable).</summary>
    private static Decision? Unavailable(Transition transition, string draftId, string verb)
    {
        var state = transition.State;
        if (state.IsClosed)
        {
            return transition.Refuse($"The interview is closed ({state.CloseReason}); nothing more is sent for it.");
        }

        var draft = state.FindDraft(draftId);
        if (draft is null)
        {
            return transition.Refuse($"There is no draft {draftId} in this interview.");
        }

        return draft.Status switch
        {
            // An uncertain send is the candidate's call: approving sends it again, skipping leaves it as it is.
            DraftStatus.Pending or DraftStatus.Failed or DraftStatus.Uncertain => null,
            DraftStatus.Sending => transition.Refuse($"The {Describe(draft)} is already being sent."),
            DraftStatus.Sent => transition.Refuse($"The {Describe(draft)} was already sent."),
            DraftStatus.Expired => transition.Refuse($"The {Describe(draft)} expired and can no longer be {verb}; a late thank-you is worse than none."),
            DraftStatus.Withdrawn => transition.Refuse($"The {Describe(draft)} was withdrawn because the interview moved on."),
            DraftStatus.Rejected => transition.Refuse($"The {Describe(draft)} was already skipped."),
            _ => transition.Refuse($"The {Describe(draft)} cannot be {verb} now."),
        };
    }

    private static string? EditProblem(DraftApproved approved)
    {
        if (approved.Subject is not null && string.IsNullOrWhiteSpace(approved.Subject))
        {
            return "The edited subject is empty.";
        }

        if (approved.Subject is not null && approved.Subject.Any(c => c is '\r' or '\n'))
        {
            return "The edited subject must be a single line.";
        }

        return approved.Body is not null && string.IsNullOrWhiteSpace(approved.Body) ? "The edited body is empty." : null;
    }

    private static Draft? AlreadyThanked(InterviewState state, Draft draft) =>
        state.Drafts.FirstOrDefault(d =>
            d.Id != draft.Id
            && d.Kind == DraftKind.ThankYou
            && d.WasEverSent()
            && string.Equals(d.To.Email?.Trim(), draft.To.Email?.Trim(), StringComparison.OrdinalIgnoreCase));

    private static string Describe(Draft draft) => $"{draft.Kind.Label().ToLowerInvariant()} draft to {draft.To.Name} ({draft.Id})";
}
