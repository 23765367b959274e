using FollowUpFlow.App.Inbound;
using FollowUpFlow.Workflow.Replies;

namespace FollowUpFlow.App.Endpoints;

/// <summary>
/// Where Microsoft Graph posts change and lifecycle notifications about the candidate's Inbox. Graph cannot sign in:
/// the validation handshake proves the URL to Graph, and the subscription's clientState proves each post to us.
/// </summary>
internal static class GraphNotificationEndpoints
{
    public const string Route = "/api/graph/notifications";

    /// <summary>A notification without resource data is well under 1 KiB; a batch of a few hundred fits easily.</summary>
    public const int MaxBodyBytes = 512 * 1024;

    /// <summary>Graph's tokens are short; anything longer is not a handshake.</summary>
    private const int MaxValidationTokenLength = 1024;

    public static void MapGraphNotificationEndpoints(this IEndpointRouteBuilder app) =>
        app.MapPost(Route, NotifyAsync).WithMetadata(new InboundWebhookMetadata(AuthenticatedBySecret: true));

    private static async Task<IResult> NotifyAsync(HttpRequest request, IServiceProvider services, CancellationToken cancellationToken)
    {
        // The handshake is answered before anything else, storage included: Graph gives it 10 seconds. The query
        // value is already URL-decoded, which is what Graph expects back.
        if (request.Query.TryGetValue("validationToken", out var token))
        {
            var text = token.ToString();
            return text.Length is > 0 and <= MaxValidationTokenLength
                ? TypedResults.Text(text, "text/plain", statusCode: StatusCodes.Status200OK)
                : TypedResults.Problem(detail: "validationToken must be 1 to 1024 characters.", statusCode: StatusCodes.Status400BadRequest);
        }

        if (services.GetService<GraphNotificationReceiver>() is not { } receiver)
        {
            return TypedResults.Problem(
                detail: "Replies through Microsoft Graph are off: FollowUpFlow:Mail:Transport is not Graph.",
                statusCode: StatusCodes.Status404NotFound,
                title: "Graph notifications not configured");
        }

        var body = await BoundedBody.ReadAsync(request, MaxBodyBytes, cancellationToken);
        var receipt = await receiver.ReceiveAsync(body.Bytes, request.ContentType, body.Truncated, body.DeclaredLength, cancellationToken);
        return receipt.Accepted
            ? TypedResults.Accepted((string?)null)
            : TypedResults.Problem(detail: receipt.Reason, statusCode: receipt.RefusalStatus, title: "Notification refused", extensions: new Dictionary<string, object?> { ["payloadId"] = receipt.PayloadId });
    }
}
