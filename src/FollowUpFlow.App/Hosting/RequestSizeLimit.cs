using FollowUpFlow.App.Contracts;
using Microsoft.AspNetCore.Http.Metadata;

namespace FollowUpFlow.App.Hosting;

/// <summary>
/// Refuses a request whose declared body is over the limit with a 413 problem before reading any of it. Kestrel's
/// own limit (set in Program) still stops bodies that declare no length and run over it. An endpoint with its own
/// size metadata sets its own limit (none: the inbound mail endpoints read and bound their bodies themselves).
/// </summary>
internal static class RequestSizeLimit
{
    public static IApplicationBuilder UseRequestSizeLimit(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var own = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>();
        if (context.Request.ContentLength > (own is null ? RequestLimits.MaxBodyBytes : own.MaxRequestBodySize ?? long.MaxValue))
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await TypedResults.Problem(
                detail: $"The request body is {context.Request.ContentLength} bytes; at most {own?.MaxRequestBodySize ?? RequestLimits.MaxBodyBytes} are accepted.",
                statusCode: StatusCodes.Status413PayloadTooLarge,
                title: "The request body is too large").ExecuteAsync(context);
            return;
        }

        await next(context);
    });
}
