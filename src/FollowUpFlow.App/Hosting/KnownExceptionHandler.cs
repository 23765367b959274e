using System.Text.Json;
using FollowUpFlow.Storage;
using FollowUpFlow.Workflow.Persistence;
using Microsoft.AspNetCore.Diagnostics;

namespace FollowUpFlow.App.Hosting;

/// <summary>
/// Failures with a cause the caller can act on get a problem saying so, instead of a bare 500: a body that is not the
/// JSON an endpoint expects (400/413), data too large to store (413), an interview changed by someone else at every
/// try (503, try again). Other exceptions fall through to the generic 500 problem, with no internals in the response.
/// </summary>
internal sealed class KnownExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        (int Status, string Title, string Detail)? problem = exception switch
        {
            BadHttpRequestException { InnerException: JsonException json } bad =>
                (bad.StatusCode, "The request could not be read", $"The request body is not valid JSON for this endpoint: {json.Message}"),
            BadHttpRequestException bad =>
                (bad.StatusCode, bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "The request body is too large" : "The request could not be read", bad.Message),
            PayloadTooLargeException large =>
                (StatusCodes.Status413PayloadTooLarge, "Too large to store", $"This would make a stored item larger than storage allows ({large.Message}). Shorten the text."),
            ConcurrencyConflictException =>
                (StatusCodes.Status503ServiceUnavailable, "Busy", "The interview kept changing while this request was applied. Try again."),
            _ => null,
        };
        if (problem is not { } p)
        {
            return false;
        }

        httpContext.Response.StatusCode = p.Status;
        if (p.Status == StatusCodes.Status503ServiceUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = "1";
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = p.Status, Title = p.Title, Detail = p.Detail },
        });
    }
}
