using System.Text.Json;
using FollowUpFlow.Workflow.Scheduling;

namespace FollowUpFlow.App.Functions;

/// <summary>
/// Invocations the Functions host posts to a custom handler for non-HTTP triggers: POST /{FunctionName} with
/// {"Data": {...bindings}, "Metadata": {...}}, answered with {"Outputs": {}, "Logs": [], "ReturnValue": null}.
/// </summary>
internal static class FunctionInvocationEndpoints
{
    public static void MapFunctionInvocationEndpoints(this IEndpointRouteBuilder app) =>
        app.MapPost("/Tick", TickAsync).WithMetadata(FunctionInvocationMetadata.Instance);

    private static async Task<IResult> TickAsync(HttpRequest request, Scheduler scheduler, CancellationToken cancellationToken)
    {
        if (request.ContentLength is > 64 * 1024)
        {
            return TypedResults.Problem(detail: "A timer invocation payload is small; this one is over 64 KiB.", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        // The payload carries the timer's schedule status, which the tick does not need; it must still be an invocation.
        try
        {
            using var payload = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
            if (payload.RootElement.ValueKind != JsonValueKind.Object || !payload.RootElement.TryGetProperty("Data", out _))
            {
                return TypedResults.Problem(detail: "Expected a Functions invocation payload: a JSON object with \"Data\" and \"Metadata\".", statusCode: StatusCodes.Status400BadRequest);
            }
        }
        catch (JsonException e)
        {
            return TypedResults.Problem(detail: $"The invocation payload is not JSON: {e.Message}", statusCode: StatusCodes.Status400BadRequest);
        }

        var result = await scheduler.TickAsync(cancellationToken);
        return TypedResults.Ok(new InvocationResponse(
            new Dictionary<string, object?>(),
            [$"Tick: {result.Due} due, {result.Handled} handled, {result.Failed} failed."],
            null));
    }

    /// <summary>The custom-handler response shape; property names are the host's (PascalCase).</summary>
    private sealed record InvocationResponse(
        [property: System.Text.Json.Serialization.JsonPropertyName("Outputs")] Dictionary<string, object?> Outputs,
        [property: System.Text.Json.Serialization.JsonPropertyName("Logs")] string[] Logs,
        [property: System.Text.Json.Serialization.JsonPropertyName("ReturnValue"), System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.Never)] object? ReturnValue);
}
