using System.Globalization;
using FollowUpFlow.Core.Events;
using FollowUpFlow.Core.Model;
using FollowUpFlow.Core.Templates;

namespace FollowUpFlow.Core.Workflow.Handlers;

/// <summary>The candidate's verdict on a draft: approve (maybe edited) to send it, reject to skip it, or edit it for later.</summary>
internal static class ApprovalHandler
{
    public static Decision Approve(Transition transition, DraftApproved approved)
    {
        if (Unavailable(transition, approved.DraftId, "approved") is { } refusal)
        {
            return refusal;
        }

        var draft = transition.State.FindDraft(approved.DraftId)!;
        if ((ExpiredByNow(transition, draft) ?? EditProblem(approved.Subject, approved.Body)) is { } problem)
        {
            return transition.Refuse(problem);
        }

        if (draft.Kind == DraftKind.ThankYou && AlreadyThanked(transition.State, draft) is { } earlier)
        {
            return transition.Refuse($"{earlier.To.Name} already received a thank-you ({earlier.Id}); one per interviewer is enough.");
        }

        var sending = WithEdit(draft, approved.Subject, approved.Body) with
        {
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

    /// <summary>New words for an open draft, kept until the candidate approves or skips it.</summary>
    public static Decision Edit(Transition transition, DraftEdited edited)
    {
        if (Unavailable(transition, edited.DraftId, "edited") is { } refusal)
        {
            return refusal;
        }

        var draft = transition.State.FindDraft(edited.DraftId)!;
        var problem = edited.Subject is null && edited.Body is null
            ? "The edit has neither a subject nor a body."
            : ExpiredByNow(transition, draft) ?? EditProblem(edited.Subject, edited.Body);
        if (problem is not null)
        {
            return transition.Refuse(problem);
        }

        var changed = WithEdit(draft, edited.Subject, edited.Body);
        if (changed.Subject == draft.Subject && changed.Body == draft.Body)
        {
            return transition.Ignore("The draft already says that.");
        }

        transition.ReplaceDraft(changed);
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

    private static string? ExpiredByNow(Transition transition, Draft draft) =>
        draft.ExpiresAt is { } expiresAt && transition.Now >= expiresAt
            ? string.Create(CultureInfo.InvariantCulture, $"The {Describe(draft)} expired at {expiresAt:O}; a late thank-you is worse than none.")
            : null;

    private static string? EditProblem(string? subject, string? body)
    {
        if (subject is not null && string.IsNullOrWhiteSpace(subject))
        {
            return "The edited subject is empty.";
        }

        if (subject is not null && subject.Any(c => c is '\r' or '\n'))
        {
            return "The edited subject must be a single line.";
        }

        return body is not null && string.IsNullOrWhiteSpace(body) ? "The edited body is empty." : null;
    }

    /// <summary>The draft with the candidate's subject and body (either may be left as it was), normalised as sent.</summary>
    private static Draft WithEdit(Draft draft, string? subject, string? body)
    {
        var newSubject = subject is null ? draft.Subject : DraftComposer.SingleLine(subject);
        var newBody = body is null ? draft.Body : body.ReplaceLineEndings("\n").Trim();
        return draft with
        {
            Subject = newSubject,
            Body = newBody,
            Edited = draft.Edited || newSubject != draft.Subject || newBody != draft.Body,
        };
    }

    private static Draft? AlreadyThanked(InterviewState state, Draft draft) =>
        state.Drafts.FirstOrDefault(d =>
            d.Id != draft.Id
            && d.Kind == DraftKind.ThankYou
            && d.WasEverSent()
            && string.Equals(d.To.Email?.Trim(), draft.To.Email?.Trim(), StringComparison.OrdinalIgnoreCase));

    private static string Describe(Draft draft) => $"{draft.Kind.Label().ToLowerInvariant()} draft to {draft.To.Name} ({draft.Id})";
}
