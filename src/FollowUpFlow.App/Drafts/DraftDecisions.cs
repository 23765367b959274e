using FollowUpFlow.App.Contracts;
using FollowUpFlow.Core.Events;
using FollowUpFlow.Core.Model;
using FollowUpFlow.Core.Workflow;
using FollowUpFlow.Workflow;
using FollowUpFlow.Workflow.Persistence;

namespace FollowUpFlow.App.Drafts;

/// <summary>
/// The candidate's decisions on a draft (approve, optionally edited; edit for later; reject; confirm a send of unknown fate), shared by
/// the JSON API and the dashboard so both check edits the same way and hand the same event to the engine.
/// </summary>
internal static class DraftDecisions
{
    /// <summary>The approval event with the edits checked; null (and <paramref name="errors"/> filled) when an edit is not acceptable.</summary>
    public static DraftApproved? Approval(string draftId, string? editedSubject, string? editedBody, RequestErrors errors)
    {
        var subject = CheckedEdit(editedSubject, editedBody, errors);
        return errors.Any ? null : new DraftApproved(draftId, subject, editedBody);
    }

    /// <summary>An edit kept for later, checked as an approval's edits are; at least one of subject and body must be given.</summary>
    public static DraftEdited? Edit(string draftId, string? editedSubject, string? editedBody, RequestErrors errors)
    {
        if (editedSubject is null && editedBody is null)
        {
            errors.Add("body", "An edit needs a subject, a body or both.");
            return null;
        }

        var subject = CheckedEdit(editedSubject, editedBody, errors);
        return errors.Any ? null : new DraftEdited(draftId, subject, editedBody);
    }

    /// <summary>Checks edited text (null means "left as it was"); returns the subject as it is to be used.</summary>
    private static string? CheckedEdit(string? editedSubject, string? editedBody, RequestErrors errors)
    {
        var subject = editedSubject is null ? null : RequestValidation.RequiredText(editedSubject, "subject", RequestLimits.MaxSubject, errors);
        if (editedBody is not null && string.IsNullOrWhiteSpace(editedBody))
        {
            errors.Add("body", "An edited body cannot be empty; reject the draft instead.");
        }
        else if (editedBody is not null && editedBody.Length > RequestLimits.MaxDraftBody)
        {
            errors.Add("body", $"body is {editedBody.Length} characters long; at most {RequestLimits.MaxDraftBody} are accepted.");
        }

        return subject;
    }

    /// <summary>Finds the draft's interview and hands the event to the engine.</summary>
    public static async Task<DraftDecision> DecideAsync(string userId, string draftId, WorkflowEvent workflowEvent, InterviewStore store, WorkflowEngine engine, CancellationToken cancellationToken)
    {
        var record = await store.GetDraftAsync(userId, draftId, cancellationToken);
        if (record is null)
        {
            return DraftDecision.NotFound(draftId);
        }

        var result = await engine.ApplyAsync(userId, record.InterviewId, workflowEvent, null, cancellationToken);
        if (result.Kind == DecisionKind.Refused)
        {
            // A refusal without a state means the interview itself is gone.
            return result.State is null
                ? DraftDecision.InterviewNotFound(record.InterviewId)
                : DraftDecision.Refused(record.InterviewId, result.Reason ?? "The interview's state does not allow this.");
        }

        var draft = result.State!.FindDraft(draftId);
        return draft is null ? DraftDecision.NotFound(draftId) : DraftDecision.Done(new DraftRecord(result.State.Id, result.State.Details.Company, result.State.Details.Role, draft));
    }
}

internal enum DraftDecisionOutcome
{
    Done,
    DraftNotFound,
    InterviewNotFound,
    Refused,
}

/// <summary>What became of a decision: the draft as it now is, or why nothing happened.</summary>
internal sealed record DraftDecision(DraftDecisionOutcome Outcome, string Id, DraftRecord? Draft, string? Reason)
{
    public static DraftDecision Done(DraftRecord draft) => new(DraftDecisionOutcome.Done, draft.Draft.Id, draft, null);

    public static DraftDecision NotFound(string draftId) => new(DraftDecisionOutcome.DraftNotFound, draftId, null, null);

    public static DraftDecision InterviewNotFound(string interviewId) => new(DraftDecisionOutcome.InterviewNotFound, interviewId, null, null);

    public static DraftDecision Refused(string interviewId, string reason) => new(DraftDecisionOutcome.Refused, interviewId, null, reason);
}
