using FollowUpFlow.App.Contracts;
using FollowUpFlow.App.Hosting;
using FollowUpFlow.Core.Events;
using FollowUpFlow.Core.Model;
using FollowUpFlow.Core.Workflow;
using FollowUpFlow.Workflow;
using FollowUpFlow.Workflow.Persistence;

namespace FollowUpFlow.App.Endpoints;

/// <summary>Interviews: create, read, and the events a person records by hand. Each handler validates, then calls the engine once.</summary>
internal static class InterviewEndpoints
{
    public static void MapInterviewEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/interviews").RequireValidIds();
        group.MapPost("/", CreateAsync);
        group.MapGet("/", ListAsync);
        group.MapGet("/{id}", GetAsync);
        group.MapPost("/{id}/outcome", RecordOutcomeAsync);
        group.MapPost("/{id}/replies", RecordReplyAsync);
        group.MapPost("/{id}/reschedule", RescheduleAsync);
        group.MapPost("/{id}/cancel", CancelAsync);
    }

    private static async Task<IResult> CreateAsync(CreateInterviewRequest request, WorkflowEngine engine, UserContext user, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        var details = RequestValidation.ToDetails(request, errors);
        if (details is null)
        {
            return errors.ToProblem();
        }

        var id = Ids.New();
        var result = await engine.ApplyAsync(user.UserId, id, new ConfirmationReceived(id, details), null, cancellationToken);
        return Problems.ForRefusal(result, id) ?? TypedResults.Created($"/api/interviews/{id}", new { id });
    }

    private static async Task<IResult> ListAsync(InterviewStore store, UserContext user, CancellationToken cancellationToken)
    {
        var interviews = new List<InterviewSummary>();
        await foreach (var summary in store.ListAsync(user.UserId, cancellationToken))
        {
            interviews.Add(summary);
        }

        return TypedResults.Ok(interviews.OrderByDescending(i => i.Start));
    }

    private static async Task<IResult> GetAsync(string id, InterviewStore store, UserContext user, CancellationToken cancellationToken)
    {
        var record = await store.GetAsync(user.UserId, id, cancellationToken);
        if (record is null)
        {
            return Problems.NotFound("interview", id);
        }

        var replies = await store.GetRepliesAsync(user.UserId, id, cancellationToken);
        var history = await store.GetHistoryAsync(user.UserId, id, cancellationToken);
        return TypedResults.Ok(InterviewView.From(record.State, replies, history));
    }

    private static async Task<IResult> RecordOutcomeAsync(string id, OutcomeRequest request, WorkflowEngine engine, UserContext user, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        Outcome? outcome = request.Outcome?.Trim().ToLowerInvariant() switch
        {
            "rejected" => Outcome.Rejected,
            "offer" => Outcome.Offer,
            "withdrawn" => Outcome.Withdrawn,
            "no-response" => Outcome.NoResponse,
            _ => null,
        };
        if (outcome is null)
        {
            errors.Add("outcome", "outcome must be one of: rejected, offer, withdrawn, no-response.");
        }

        SuccessfulCandidate? successful = null;
        if (request.SuccessfulCandidate is { } candidate)
        {
            successful = new SuccessfulCandidate(
                RequestValidation.OptionalText(candidate.Name, "successfulCandidate.name", RequestLimits.MaxName, errors),
                ProfileUrl(candidate.ProfileUrl, errors),
                RequestValidation.OptionalText(candidate.ProfileText, "successfulCandidate.profileText", RequestLimits.MaxProfileText, errors, singleLine: false));
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var result = await engine.ApplyAsync(user.UserId, id, new OutcomeRecorded(outcome!.Value, successful), null, cancellationToken);
        return Problems.ForRefusal(result, id) ?? TypedResults.Ok(new { id, phase = result.State!.Phase, closeReason = result.State.CloseReason });
    }

    private static async Task<IResult> RecordReplyAsync(string id, ReplyRequest request, WorkflowEngine engine, UserContext user, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        var from = RequestValidation.RequiredText(request.From, "from", RequestLimits.MaxName + 260, errors);
        var subject = RequestValidation.OptionalText(request.Subject, "subject", RequestLimits.MaxSubject, errors) ?? "";
        RequestValidation.CheckInstant(request.ReceivedAt, "receivedAt", errors);
        var body = request.Body ?? "";
        if (body.Length > RequestLimits.MaxReplyBody)
        {
            errors.Add("body", $"body is {body.Length} characters long; at most {RequestLimits.MaxReplyBody} are accepted.");
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var replyId = Ids.New();
        var receivedAt = request.ReceivedAt ?? time.GetUtcNow();
        var reply = new StoredReply(replyId, id, from!, subject, body, receivedAt);
        var result = await engine.ApplyAsync(user.UserId, id, new ReplyReceived(replyId, from!, subject, receivedAt), reply, cancellationToken);
        return Problems.ForRefusal(result, id)
            ?? TypedResults.Created($"/api/interviews/{id}", new { id = replyId, applied = result.Kind == DecisionKind.Applied, note = result.Reason });
    }

    private static async Task<IResult> RescheduleAsync(string id, RescheduleRequest request, WorkflowEngine engine, UserContext user, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        RequestValidation.CheckTimes(request.Start, request.End, errors);
        var timeZone = request.TimeZone is null ? null : RequestValidation.TimeZoneId(request.TimeZone, "timeZone", errors);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var result = await engine.ApplyAsync(user.UserId, id, new Rescheduled(request.Start!.Value, request.End!.Value, timeZone), null, cancellationToken);
        return Problems.ForRefusal(result, id) ?? TypedResults.Ok(new { id, phase = result.State!.Phase });
    }

    private static async Task<IResult> CancelAsync(string id, CancelRequest? request, WorkflowEngine engine, UserContext user, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        var reason = RequestValidation.OptionalText(request?.Reason, "reason", RequestLimits.MaxSubject, errors);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var result = await engine.ApplyAsync(user.UserId, id, new Cancelled(reason), null, cancellationToken);
        return Problems.ForRefusal(result, id) ?? TypedResults.Ok(new { id, phase = result.State!.Phase });
    }

    private static string? ProfileUrl(string? value, RequestErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || value.Length > 2048)
        {
            errors.Add("successfulCandidate.profileUrl", "profileUrl must be an absolute http(s) URL of at most 2048 characters.");
            return null;
        }

        return uri.ToString();
    }
}
