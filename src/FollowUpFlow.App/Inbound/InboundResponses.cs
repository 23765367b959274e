using System.Collections.Immutable;
using FollowUpFlow.Inbound.Understanding;
using FollowUpFlow.Workflow.Inbound;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FollowUpFlow.App.Inbound;

/// <summary>What an inbound entry point answers about a payload.</summary>
public sealed record InboundResultView(string PayloadId, string Status, string? InterviewId, EmailKind? Kind, string Reason, ImmutableArray<string> Problems);

/// <summary>
/// HTTP answers for a processed payload: 202 when it was taken in (whatever became of it), 200 for a message already
/// received, and an RFC 9457 problem naming the stored payload when it was refused or processing failed.
/// </summary>
internal static class InboundResponses
{
    public static IResult For(InboundResult result)
    {
        var view = new InboundResultView(result.PayloadId, result.Status, result.InterviewId, result.Kind, result.Reason, result.Problems);
        return result.Status switch
        {
            InboundStatus.Duplicate => TypedResults.Ok(view),
            InboundStatus.Refused => Problem(result, Refusal(result.Refusal)),
            InboundStatus.Failed => Problem(result, (StatusCodes.Status500InternalServerError, "Processing failed")),
            _ => TypedResults.Accepted($"/api/inbound/{result.PayloadId}", view),
        };
    }

    private static (int Status, string Title) Refusal(InboundRefusalKind? kind) => kind switch
    {
        InboundRefusalKind.NotAnEmail => (StatusCodes.Status422UnprocessableEntity, "Not an email"),
        InboundRefusalKind.TooLarge => (StatusCodes.Status413PayloadTooLarge, "Too large"),
        InboundRefusalKind.UnsupportedMediaType => (StatusCodes.Status415UnsupportedMediaType, "Unsupported media type"),
        InboundRefusalKind.Unauthenticated => (StatusCodes.Status401Unauthorized, "Bad secret"),
        _ => (StatusCodes.Status400BadRequest, "The payload could not be read"),
    };

    private static ProblemHttpResult Problem(InboundResult result, (int Status, string Title) problem) => TypedResults.Problem(
        detail: $"{result.Reason} The payload is stored as {result.PayloadId}.",
        statusCode: problem.Status,
        title: problem.Title,
        extensions: new Dictionary<string, object?> { ["payloadId"] = result.PayloadId, ["payloadStatus"] = result.Status });
}
