using FollowUpFlow.App.Inbound;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FollowUpFlow.App.Hosting;

/// <summary>
/// Who may call the API. Standalone serves this machine only: requests must name a loopback host (against DNS
/// rebinding), and a state-changing request must be JSON from no other origin (a cross-site form post can do
/// neither without a CORS preflight, which this app never grants). Under the Functions host the platform signs
/// users in and forwards who they are in X-MS-CLIENT-PRINCIPAL-ID; a request without it is refused.
/// The inbound mail endpoints take mail, not JSON, and check their own content types. The SendGrid webhook is
/// called by SendGrid, which can neither sign in nor come from this machine: its shared secret is what lets it in.
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

        // The Api function's authLevel is "anonymous": the host asks for no function key (a key would apply to every
        // route, the dashboard's included), so who may call is decided here. SendGrid cannot sign in; its secret,
        // checked by the endpoint, stands in for the principal. App Service authentication, when set to require
        // sign-in, must exclude this one path (excludedPaths) for SendGrid's posts to arrive.
        if (Webhook(request) is { AuthenticatedBySecret: true })
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
        var webhook = Webhook(request);
        if (webhook is { AuthenticatedBySecret: true })
        {
            // Reached through a tunnel to this machine, it carries the tunnel's host name; the secret protects it.
            return null;
        }

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

        return request.HasJsonContentType() || webhook is not null
            ? null
            : TypedResults.Problem(
                detail: "Send 'Content-Type: application/json' (with an empty object '{}' when there is nothing to say).",
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "JSON expected");
    }

    /// <summary>Routing has run before this middleware (WebApplication puts it first), so the endpoint is known.</summary>
    private static InboundWebhookMetadata? Webhook(HttpRequest request) =>
        request.HttpContext.GetEndpoint()?.Metadata.GetMetadata<InboundWebhookMetadata>();
}
