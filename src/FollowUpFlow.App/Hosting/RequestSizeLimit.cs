using FollowUpFlow.App.Contracts;

namespace FollowUpFlow.App.Hosting;

/// <summary>
/// Refuses a request whose declared body is over the limit with a 413 problem before reading any of it. Kestrel's
/// own limit (set in Program) still stops bodies that declare no length and run over it.
/// </summary>
internal static class RequestSizeLimit
{
    public static IApplicationBuilder UseRequestSizeLimit(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Request.ContentLength is > RequestLimits.MaxBodyBytes)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await TypedResults.Problem(
                detail: $"The request body is {context.Request.ContentLength} bytes; at most {RequestLimits.MaxBodyBytes} are accepted.",
                statusCode: StatusCodes.Status413PayloadTooLarge,
                title: "The request body is too large").ExecuteAsync(context);
            return;
        }

        await next(context);
    });
}
