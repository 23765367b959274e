using System.Net.Http.Headers;
using FollowUpFlow.App.Contracts;
using FollowUpFlow.App.Hosting;
using FollowUpFlow.App.Inbound;
using FollowUpFlow.Workflow.Configuration;
using FollowUpFlow.Workflow.Inbound;
using Microsoft.Extensions.Options;

namespace FollowUpFlow.App.Endpoints;

/// <summary>
/// Inbound mail: the raw and SendGrid entry points (each stores the payload and hands it to the processor in one
/// call), the list of what arrived, one payload with its understanding and its bytes, and the review queue.
/// </summary>
internal static class InboundEndpoints
{
    /// <summary>
    /// What a caller without the SendGrid secret can have stored: enough to see what was tried, too little for the
    /// endpoint to be used as free storage by anyone who finds it.
    /// </summary>
    public const int UnauthenticatedStoreBytes = 64 * 1024;

    private const int DefaultTop = 50;
    private const int MaxTop = 500;

    public static void MapInboundEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/inbound").RequireValidIds();
        group.MapPost("/raw", RawAsync).WithMetadata(new InboundWebhookMetadata(AuthenticatedBySecret: false));
        group.MapPost("/sendgrid", SendGridAsync).WithMetadata(new InboundWebhookMetadata(AuthenticatedBySecret: true));
        group.MapGet("/", ListAsync);
        group.MapGet("/review", ListReviewAsync);
        group.MapGet("/{id}", GetAsync);
        group.MapGet("/{id}/raw", GetRawAsync);
        group.MapPost("/{id}/resolve", ResolveAsync);
    }

    private static async Task<IResult> RawAsync(HttpRequest request, InboundProcessor processor, UserContext user, IOptions<InboundOptions> options, CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxPayloadBytes;
        var body = await BoundedBody.ReadAsync(request, limit, cancellationToken);
        var refusal = !IsMediaType(request.ContentType, "message/rfc822")
            ? new InboundRefusal(InboundRefusalKind.UnsupportedMediaType, $"Send the message as 'Content-Type: message/rfc822', not '{Shorten(request.ContentType ?? "(none)")}'.")
            : TooLarge(body, limit);
        var payload = new InboundPayload(body.Bytes, InboundSource.Raw)
        {
            ContentType = request.ContentType,
            Truncated = body.Truncated,
            DeclaredLength = body.DeclaredLength,
            Refusal = refusal,
        };
        return InboundResponses.For(await processor.ProcessAsync(user.UserId, payload, cancellationToken));
    }

    private static async Task<IResult> SendGridAsync(HttpRequest request, InboundProcessor processor, UserContext user, IOptions<InboundOptions> options, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.SendGridSecret))
        {
            // 503, not 404: SendGrid retries 5xx for three days, so mail sent before the setting is made is not lost.
            return TypedResults.Problem(
                detail: $"The SendGrid webhook is off. Set {InboundOptions.Section}:SendGridSecret (at least {InboundOptions.MinSecretLength} characters) and put it in the webhook URL.",
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "SendGrid webhook not configured");
        }

        var authenticated = SendGridSecret.Matches(request, settings.SendGridSecret.Trim());
        var limit = authenticated ? settings.MaxPayloadBytes : UnauthenticatedStoreBytes;
        var body = await BoundedBody.ReadAsync(request, limit, cancellationToken);
        var boundary = FormBoundary(request.ContentType);
        var refusal = !authenticated
            ? new InboundRefusal(InboundRefusalKind.Unauthenticated, $"bad secret: the webhook URL must carry {InboundOptions.Section}:SendGridSecret, as the Basic auth password or as ?secret=. Only the first {UnauthenticatedStoreBytes} bytes are kept.")
            : boundary is null
                ? new InboundRefusal(InboundRefusalKind.UnsupportedMediaType, $"SendGrid posts 'multipart/form-data' with a boundary, not '{Shorten(request.ContentType ?? "(none)")}'.")
                : TooLarge(body, limit);
        var payload = new InboundPayload(body.Bytes, InboundSource.SendGrid)
        {
            ContentType = request.ContentType,
            Truncated = body.Truncated,
            DeclaredLength = body.DeclaredLength,
            Refusal = refusal,
            Reader = boundary is null ? null : new SendGridFormReader(boundary, settings.MaxFormParts),
        };
        return InboundResponses.For(await processor.ProcessAsync(user.UserId, payload, cancellationToken));
    }

    private static async Task<IResult> ListAsync(int? top, InboundStore store, UserContext user, CancellationToken cancellationToken)
    {
        if (Top(top) is not { } count)
        {
            return TopProblem();
        }

        var payloads = await store.ListPayloadsAsync(user.UserId, count, cancellationToken);
        return TypedResults.Ok(payloads.Select(InboundSummaryView.Of));
    }

    private static async Task<IResult> ListReviewAsync(int? top, InboundStore store, UserContext user, CancellationToken cancellationToken)
    {
        if (Top(top) is not { } count)
        {
            return TopProblem();
        }

        return TypedResults.Ok(await store.ListReviewAsync(user.UserId, count, cancellationToken));
    }

    private static async Task<IResult> GetAsync(string id, InboundStore store, UserContext user, CancellationToken cancellationToken)
    {
        var payload = await store.GetPayloadAsync(user.UserId, id, cancellationToken);
        return payload is null ? Problems.NotFound("inbound payload", id) : TypedResults.Ok(InboundPayloadView.Of(payload));
    }

    /// <summary>
    /// The stored bytes as a download, never as a page: an email's HTML is not rendered. A raw message is served as
    /// message/rfc822; anything else (a SendGrid form, a refused body) as opaque bytes.
    /// </summary>
    private static async Task<IResult> GetRawAsync(string id, HttpResponse response, InboundStore store, UserContext user, CancellationToken cancellationToken)
    {
        var payload = await store.GetPayloadAsync(user.UserId, id, cancellationToken);
        var bytes = payload is null ? null : await store.ReadBytesAsync(user.UserId, id, cancellationToken);
        if (payload is null || bytes is null)
        {
            return Problems.NotFound("inbound payload", id);
        }

        var isMessage = payload.Source is "raw" or "cli" && IsMediaType(payload.ContentType, "message/rfc822");
        response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.File(bytes, isMessage ? "message/rfc822" : "application/octet-stream", isMessage ? $"{id}.eml" : $"{id}.bin");
    }

    private static async Task<IResult> ResolveAsync(string id, ResolveInboundRequest request, InboundReviews reviews, UserContext user, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        if (request.ToResolution(errors) is not { } resolution)
        {
            return errors.ToProblem();
        }

        var result = await reviews.ResolveAsync(user.UserId, id, resolution, cancellationToken);
        return result.Status switch
        {
            ResolutionStatus.PayloadNotFound => Problems.NotFound("inbound payload", id),
            ResolutionStatus.InterviewNotFound => TypedResults.Problem(detail: result.Reason, statusCode: StatusCodes.Status404NotFound, title: "Interview not found"),
            ResolutionStatus.NotReviewable or ResolutionStatus.Refused => Problems.Refused(result.Reason),
            _ => TypedResults.Ok(new { payloadId = id, status = result.Status == ResolutionStatus.Dismissed ? InboundStatus.Dismissed : InboundStatus.Resolved, interviewId = result.InterviewId, reason = result.Reason }),
        };
    }

    private static InboundRefusal? TooLarge(BoundedBody body, int limit) => body.Truncated
        ? new InboundRefusal(InboundRefusalKind.TooLarge, $"The body is over {limit} bytes ({InboundOptions.Section}:MaxPayloadBytes); its first {limit} bytes are stored, marked as truncated.")
        : null;

    private static string? FormBoundary(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var parsed) || !"multipart/form-data".Equals(parsed.MediaType, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var boundary = parsed.Parameters.FirstOrDefault(p => p.Name.Equals("boundary", StringComparison.OrdinalIgnoreCase))?.Value?.Trim('"');
        return boundary is { Length: > 0 and <= 70 } ? boundary : null;
    }

    private static bool IsMediaType(string? contentType, string expected) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed) && expected.Equals(parsed.MediaType, StringComparison.OrdinalIgnoreCase);

    private static int? Top(int? top) => top switch
    {
        null => DefaultTop,
        >= 1 and <= MaxTop => top,
        _ => null,
    };

    private static IResult TopProblem()
    {
        var errors = new RequestErrors();
        errors.Add("top", $"top must be between 1 and {MaxTop}.");
        return errors.ToProblem();
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
