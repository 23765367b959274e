using FollowUpFlow.App.Contracts;
using FollowUpFlow.App.Drafts;
using FollowUpFlow.App.Hosting;
using FollowUpFlow.Core.Events;
using FollowUpFlow.Core.Model;
using FollowUpFlow.Workflow;
using FollowUpFlow.Workflow.Persistence;

namespace FollowUpFlow.App.Endpoints;

/// <summary>Drafts waiting for the candidate: list, read, approve (optionally edited), edit for later, reject, and confirm a send of unknown fate.</summary>
internal static class DraftEndpoints
{
    public static void MapDraftEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/drafts").RequireValidIds();
        group.MapGet("/", ListAsync);
        group.MapGet("/{id}", GetAsync);
        group.MapPost("/{id}/approve", ApproveAsync);
        group.MapPost("/{id}/edit", EditAsync);
        group.MapPost("/{id}/reject", RejectAsync);
        group.MapPost("/{id}/mark-sent", MarkSentAsync);
    }

    private static async Task<IResult> ListAsync(string? status, InterviewStore store, UserContext user, CancellationToken cancellationToken)
    {
        DraftStatus? wanted = null;
        if (!string.IsNullOrEmpty(status))
        {
            if (!Enum.TryParse<DraftStatus>(status, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(status, out _))
            {
                var errors = new RequestErrors();
                errors.Add("status", $"status must be one of: {string.Join(", ", Enum.GetNames<DraftStatus>().Select(n => n.ToLowerInvariant()))}.");
                return errors.ToProblem();
            }

            wanted = parsed;
        }

        var drafts = new List<DraftView>();
        await foreach (var record in store.ListDraftsAsync(user.UserId, wanted, cancellationToken))
        {
            drafts.Add(DraftView.From(record));
        }

        return TypedResults.Ok(drafts.OrderBy(d => d.Draft.CreatedAt));
    }

    private static async Task<IResult> GetAsync(string id, InterviewStore store, UserContext user, CancellationToken cancellationToken)
    {
        var record = await store.GetDraftAsync(user.UserId, id, cancellationToken);
        return record is null ? Problems.NotFound("draft", id) : TypedResults.Ok(DraftView.From(record));
    }

    private static async Task<IResult> ApproveAsync(string id, DraftEditRequest? edits, InterviewStore store, WorkflowEngine engine, UserContext user, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        return DraftDecisions.Approval(id, edits?.Subject, edits?.Body, errors) is { } approval
            ? await DecideAsync(id, approval, store, engine, user, cancellationToken)
            : errors.ToProblem();
    }

    /// <summary>New words for a draft, kept until it is approved or rejected; nothing is sent.</summary>
    private static async Task<IResult> EditAsync(string id, DraftEditRequest? edits, InterviewStore store, WorkflowEngine engine, UserContext user, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        return DraftDecisions.Edit(id, edits?.Subject, edits?.Body, errors) is { } edit
            ? await DecideAsync(id, edit, store, engine, user, cancellationToken)
            : errors.ToProblem();
    }

    private static Task<IResult> RejectAsync(string id, InterviewStore store, WorkflowEngine engine, UserContext user, CancellationToken cancellationToken) =>
        DecideAsync(id, new DraftRejected(id), store, engine, user, cancellationToken);

    /// <summary>The candidate found a send of unknown fate in their sent mail.</summary>
    private static Task<IResult> MarkSentAsync(string id, InterviewStore store, WorkflowEngine engine, UserContext user, CancellationToken cancellationToken) =>
        DecideAsync(id, new DraftMarkedSent(id), store, engine, user, cancellationToken);

    /// <summary>Answers with the draft as it now is, or with the problem that stopped the decision.</summary>
    private static async Task<IResult> DecideAsync(string id, WorkflowEvent workflowEvent, InterviewStore store, WorkflowEngine engine, UserContext user, CancellationToken cancellationToken)
    {
        var decision = await DraftDecisions.DecideAsync(user.UserId, id, workflowEvent, store, engine, cancellationToken);
        return decision.Outcome switch
        {
            DraftDecisionOutcome.Done => TypedResults.Ok(DraftView.From(decision.Draft!)),
            DraftDecisionOutcome.InterviewNotFound => Problems.NotFound("interview", decision.Id),
            DraftDecisionOutcome.Refused => Problems.Refused(decision.Reason!),
            _ => Problems.NotFound("draft", id),
        };
    }
}
