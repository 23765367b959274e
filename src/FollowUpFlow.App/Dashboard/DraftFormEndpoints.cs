using FollowUpFlow.App.Contracts;
using FollowUpFlow.App.Drafts;
using FollowUpFlow.App.Hosting;
using FollowUpFlow.Core.Events;
using FollowUpFlow.Workflow;
using FollowUpFlow.Workflow.Persistence;
using Microsoft.Extensions.Primitives;

namespace FollowUpFlow.App.Dashboard;

/// <summary>
/// The draft forms: approve (as it is, or with the edited subject and body), reject, and "it was sent" for a send of
/// unknown fate. The request guards have checked the antiforgery token before any of these runs.
/// </summary>
internal static class DraftFormEndpoints
{
    public static void MapDraftForms(this RouteGroupBuilder forms)
    {
        forms.MapPost("/drafts/{id}/approve", ApproveAsync);
        forms.MapPost("/drafts/{id}/reject", RejectAsync);
        forms.MapPost("/drafts/{id}/mark-sent", MarkSentAsync);
    }

    private static async Task<IResult> ApproveAsync(string id, HttpRequest request, InterviewStore store, WorkflowEngine engine, UserContext user, CancellationToken cancellationToken)
    {
        var form = await request.ReadFormAsync(cancellationToken);
        string? subject = null;
        string? body = null;
        if (form.ContainsKey("edited"))
        {
            var current = await store.GetDraftAsync(user.UserId, id, cancellationToken);
            if (current is null)
            {
                return DashboardEndpoints.NotFound("draft");
            }

            // Text the candidate left as it was is no edit: the draft is not marked as edited for it.
            subject = Changed(form["subject"], current.Draft.Subject);
            body = Changed(form["body"], current.Draft.Body);
        }

        var errors = new RequestErrors();
        if (DraftDecisions.Approval(id, subject, body, errors) is not { } approval)
        {
            return Layout.Notice(
                StatusCodes.Status400BadRequest,
                "The edit was not accepted",
                string.Join(" ", errors.Messages) + " Nothing was sent.",
                ($"/drafts/{Uri.EscapeDataString(id)}", "Back to the draft"));
        }

        return await DecideAsync(id, approval, "approved", store, engine, user, cancellationToken);
    }

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
    private static string? Changed(StringValues submitted, string current)
    {
        var text = (submitted.ToString() ?? "").ReplaceLineEndings("\n");
        return text == current.ReplaceLineEndings("\n") ? null : text;
    }
}
