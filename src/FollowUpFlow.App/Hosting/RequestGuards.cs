using Microsoft.AspNetCore.Http.HttpResults;

namespace FollowUpFlow.App.Hosting;

/// <summary>
/// Who may call the API. Standalone serves this machine only: requests must name a loopback host (against DNS
/// rebinding), and a state-changing request must be JSON from no other origin (a cross-site form post can do
/// neither without a CORS preflight, which this app never grants). Under the Functions host the platform signs
/// users in and forwards who they are in X-MS-CLIENT-PRINCIPAL-ID; a request without it is refused.
/// </summary>
internal static class RequestGuards
{
    public const string PrincipalIdHeader = "X-MS-CLIENT-PRINCIPAL-ID";

    public static IApplicationBuilder UseRequestGuards(this IApplicationBuilder app, HostingMode mode) => app.Use(async (context, next) =>
    {
        var refusal = mode.IsFunctionsHost ? CheckPrincipal(context.Request) : CheckLocalRequest(context.Request);
        if (refusal is { } problem)
        {
            await problem.ExecuteAsync(context);
            return;
        }

        await next(context);
    });

    private static ProblemHttpResult? CheckPrincipal(HttpRequest request)
    {
        // /Tick comes from the Functions host itself, never through the public HTTP route; health stays open for probes.
        if (!request.Path.StartsWithSegments("/api") || request.Path.Equals("/api/health", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return string.IsNullOrWhiteSpace(request.Headers[PrincipalIdHeader])
            ? TypedResults.Problem(
                detail: "Sign in first: FollowUpFlow in Azure needs the platform's authenticated user (App Service authentication).",
                statusCode: StatusCodes.Status401Unauthorized,
                title: "Not signed in")
            : null;
    }

    private static ProblemHttpResult? CheckLocalRequest(HttpRequest request)
    {
        if (!Loopback.IsHost(request.Host.Host))
        {
            return TypedResults.Problem(
                detail: $"This FollowUpFlow serves this machine only; address it as 127.0.0.1 or localhost, not '{request.Host.Host}'.",
                statusCode: StatusCodes.Status400BadRequest,
                title: "Unexpected host");
        }

        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method))
        {
            return null;
        }

        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0 && !(Uri.TryCreate(origin, UriKind.Absolute, out var originUri) && Loopback.IsHost(originUri.Host)))
        {
            return TypedResults.Problem(
                detail: "Requests that change something are accepted from this machine only, not from another site.",
                statusCode: StatusCodes.Status403Forbidden,
                title: "Cross-site request refused");
        }

        return request.HasJsonContentType()
            ? null
            : TypedResults.Problem(
                detail: "Send 'Content-Type: application/json' (with an empty object '{}' when there is nothing to say).",
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "JSON expected");
    }
}
