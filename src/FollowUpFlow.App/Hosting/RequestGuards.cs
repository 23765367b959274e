using FollowUpFlow.App.Dashboard;
using FollowUpFlow.App.Functions;
using FollowUpFlow.App.Inbound;
using Microsoft.AspNetCore.Antiforgery;

namespace FollowUpFlow.App.Hosting;

/// <summary>
/// Who may call. Standalone serves this machine only: requests must name a loopback host (against DNS rebinding),
/// and a state-changing request must come from no other origin and be either JSON (the API: a cross-site form post
/// cannot send JSON without a CORS preflight, which this app never grants) or a dashboard form carrying a valid
/// antiforgery token. Under the Functions host the platform signs users in and forwards who they are in
/// X-MS-CLIENT-PRINCIPAL-ID; every request without it is refused except the health probe, the host's own trigger
/// invocations and the SendGrid webhook; dashboard forms need their antiforgery token there too, since the
/// platform's sign-in cookie travels with any cross-site post.
/// The inbound mail endpoints take mail, not JSON, and check their own content types. The SendGrid webhook is
/// called by SendGrid, which can neither sign in nor come from this machine: its shared secret is what lets it in.
/// Graph's notification endpoint is in the same position; the subscription's clientState, checked by the endpoint
/// after the payload is stored, is what lets a notification in.
/// </summary>
internal static class RequestGuards
{
    public const string PrincipalIdHeader = "X-MS-CLIENT-PRINCIPAL-ID";

    public static IApplicationBuilder UseRequestGuards(this IApplicationBuilder app, HostingMode mode) => app.Use(async (context, next) =>
    {
        var dashboard = context.GetEndpoint()?.Metadata.GetMetadata<DashboardEndpointMetadata>();
        var refusal = (mode.IsFunctionsHost ? CheckPrincipal(context.Request) : CheckLocalRequest(context.Request, dashboard))
            ?? await CheckDashboardFormAsync(context, dashboard);
        if (refusal is not null)
        {
            await refusal.ToResult(forDashboard: dashboard is not null).ExecuteAsync(context);
            return;
        }

        await next(context);
    });

    private static GuardRefusal? CheckPrincipal(HttpRequest request)
    {
        // Health stays open for probes; /Tick and its kind come from the Functions host itself, which sends no principal.
        if (request.Path.Equals("/api/health", StringComparison.OrdinalIgnoreCase)
            || request.HttpContext.GetEndpoint()?.Metadata.GetMetadata<FunctionInvocationMetadata>() is not null)
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
            ? new GuardRefusal(
                StatusCodes.Status401Unauthorized,
                "Not signed in",
                "Sign in first: FollowUpFlow in Azure needs the platform's authenticated user (App Service authentication).")
            : null;
    }

    private static GuardRefusal? CheckLocalRequest(HttpRequest request, DashboardEndpointMetadata? dashboard)
    {
        var webhook = Webhook(request);
        if (webhook is { AuthenticatedBySecret: true })
        {
            // Reached through a tunnel to this machine, it carries the tunnel's host name; the secret protects it.
            return null;
        }

        if (!Loopback.IsHost(request.Host.Host))
        {
            return new GuardRefusal(
                StatusCodes.Status400BadRequest,
                "Unexpected host",
                $"This FollowUpFlow serves this machine only; address it as 127.0.0.1 or localhost, not '{request.Host.Host}'.");
        }

        if (IsSafe(request.Method))
        {
            return null;
        }

        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0 && !(Uri.TryCreate(origin, UriKind.Absolute, out var originUri) && Loopback.IsHost(originUri.Host)))
        {
            return new GuardRefusal(
                StatusCodes.Status403Forbidden,
                "Cross-site request refused",
                "Requests that change something are accepted from this machine only, not from another site.");
        }

        // A dashboard form is not JSON; its antiforgery token, checked next, is what a cross-site post cannot forge.
        return request.HasJsonContentType() || webhook is not null || dashboard is { ChangesState: true }
            ? null
            : new GuardRefusal(
                StatusCodes.Status415UnsupportedMediaType,
                "JSON expected",
                "Send 'Content-Type: application/json' (with an empty object '{}' when there is nothing to say).");
    }

    /// <summary>A dashboard form post must be a form, with the token from a page this app served to this browser.</summary>
    private static async Task<GuardRefusal?> CheckDashboardFormAsync(HttpContext context, DashboardEndpointMetadata? dashboard)
    {
        if (dashboard is not { ChangesState: true } || IsSafe(context.Request.Method))
        {
            return null;
        }

        if (!context.Request.HasFormContentType)
        {
            return new GuardRefusal(
                StatusCodes.Status415UnsupportedMediaType,
                "Form expected",
                "This address takes the dashboard's own forms only. Use the buttons on the dashboard's pages, or the JSON API under /api.");
        }

        var antiforgery = context.RequestServices.GetRequiredService<IAntiforgery>();
        return await antiforgery.IsRequestValidAsync(context)
            ? null
            : new GuardRefusal(
                StatusCodes.Status400BadRequest,
                "The form could not be accepted",
                "This form did not come from a page this dashboard just served (or the page is too old). Nothing was changed. Open the page again and repeat what you did.");
    }

    private static bool IsSafe(string method) => HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method);

    /// <summary>Routing has run before this middleware (WebApplication puts it first), so the endpoint is known.</summary>
    private static InboundWebhookMetadata? Webhook(HttpRequest request) =>
        request.HttpContext.GetEndpoint()?.Metadata.GetMetadata<InboundWebhookMetadata>();
}
