using FollowUpFlow.App.Contracts;
using FollowUpFlow.App.Drafts;
using FollowUpFlow.App.Hosting;
using FollowUpFlow.Core.Events;
using FollowUpFlow.Workflow;
using FollowUpFlow.Workflow.Persistence;
using FollowUpFlow.Workflow.Configuration;
using Microsoft.Extensions.Options;

namespace FollowUpFlow.App.Dashboard;

/// <summary>
/// The draft forms: approve (as it is, or with the edited subject and body), save an edit for later, reject, and "it
/// was sent" for a send of unknown fate. The request guards have checked the antiforgery token before any of these runs.
/// </summary>
internal static class DraftFormEndpoints
{
    public static void MapDraftForms(this RouteGroupBuilder forms)
    {
        forms.MapPost("/drafts/{id}/approve", ApproveAsync);
        forms.MapPost("/drafts/{id}/save", SaveAsync);
        forms.MapPost("/drafts/{id}/reject", RejectAsync);
        forms.MapPost("/drafts/{id}/mark-sent", MarkSentAsync);
    }

    private static async Task<IResult> ApproveAsync(string id, HttpContext context, InterviewStore store, WorkflowEngine engine, UserContext user, IOptions<CandidateOptions> candidate, CancellationToken cancellationToken)
    {
        var form = await context.Request.ReadFormAsync(cancellationToken);
        EditForm? edit = null;
        if (form.ContainsKey("edited"))
        {
            edit = await ReadEditAsync(id, form, store, user, cancellationToken);
            if (edit is null)
            {
                return DashboardEndpoints.NotFound("draft");
            }
        }

        var errors = new RequestErrors();
        return DraftDecisions.Approval(id, edit?.Subject, edit?.Body, errors) is { } approval
            ? await DecideAsync(id, approval, "approved", store, engine, user, cancellationToken)
            : EditRefused(context, edit!, errors, "Nothing was sent.", candidate.Value.TimeZone);
    }

    /// <summary>Keeps the edited subject and body for later; nothing is sent.</summary>
    private static async Task<IResult> SaveAsync(string id, HttpContext context, InterviewStore store, WorkflowEngine engine, UserContext user, IOptions<CandidateOptions> candidate, CancellationToken cancellationToken)
    {
        var form = await context.Request.ReadFormAsync(cancellationToken);
        if (await ReadEditAsync(id, form, store, user, cancellationToken) is not { } edit)
        {
            return DashboardEndpoints.NotFound("draft");
        }

        if (edit.Subject is null && edit.Body is null)
        {
            return new SeeOther($"/drafts/{Uri.EscapeDataString(id)}?done=unchanged");
        }

        var errors = new RequestErrors();
        return DraftDecisions.Edit(id, edit.Subject, edit.Body, errors) is { } edited
            ? await DecideAsync(id, edited, "saved", store, engine, user, cancellationToken)
            : EditRefused(context, edit, errors, "Nothing was saved.", candidate.Value.TimeZone);
    }

    /// <summary>The edit form's text as the changes it makes (null where the text is as it was); null when there is no such draft.</summary>
    private static async Task<EditForm?> ReadEditAsync(string id, IFormCollection form, InterviewStore store, UserContext user, CancellationToken cancellationToken)
    {
        var current = await store.GetDraftAsync(user.UserId, id, cancellationToken);
        if (current is null)
        {
            return null;
        }

        var typedSubject = form["subject"].ToString();
        var typedBody = form["body"].ToString();

        // Text the candidate left as it was is no edit: the draft is not marked as edited for it.
        return new EditForm(current, Changed(typedSubject, current.Draft.Subject), Changed(typedBody, current.Draft.Body), typedSubject, typedBody);
    }

    /// <summary>The draft's page again, its form open with what was typed, so a refused edit loses nothing.</summary>
    private static HtmlPage EditRefused(HttpContext context, EditForm edit, RequestErrors errors, string consequence, string timeZone) =>
        DraftPages.One(
            context,
            edit.Current,
            timeZone,
            done: null,
            new RejectedEdit(edit.TypedSubject, edit.TypedBody, $"{string.Join(" ", errors.Messages)} {consequence}"));

    private static Task<IResult> RejectAsync(string id, InterviewStore store, WorkflowEngine engine, UserContext user, CancellationToken cancellationToken) =>
        DecideAsync(id, new DraftRejected(id), "rejected", store, engine, user, cancellationToken);

    private static Task<IResult> MarkSentAsync(string id, InterviewStore store, WorkflowEngine engine, UserContext user, CancellationToken cancellationToken) =>
        DecideAsync(id, new DraftMarkedSent(id), "marked-sent", store, engine, user, cancellationToken);

    private static async Task<IResult> DecideAsync(string id, WorkflowEvent workflowEvent, string done, InterviewStore store, WorkflowEngine engine, UserContext user, CancellationToken cancellationToken)
    {
        var decision = await DraftDecisions.DecideAsync(user.UserId, id, workflowEvent, store, engine, cancellationToken);
        return decision.Outcome switch
        {
            DraftDecisionOutcome.Done => new SeeOther($"/drafts/{Uri.EscapeDataString(id)}?done={done}"),
            DraftDecisionOutcome.Refused => Layout.Notice(
                StatusCodes.Status409Conflict,
                "Not possible now",
                decision.Reason!,
                ($"/drafts/{Uri.EscapeDataString(id)}", "Back to the draft"),
                ("/drafts", "All drafts")),
            DraftDecisionOutcome.InterviewNotFound => DashboardEndpoints.NotFound("interview"),
            _ => DashboardEndpoints.NotFound("draft"),
        };
    }

    /// <summary>The submitted text when it differs from the draft's; browsers send a textarea's line breaks as CRLF.</summary>
    private static string? Changed(string submitted, string current)
    {
        var text = submitted.ReplaceLineEndings("\n");
        return text == current.ReplaceLineEndings("\n") ? null : text;
    }

    private sealed record EditForm(DraftRecord Current, string? Subject, string? Body, string TypedSubject, string TypedBody);
}
