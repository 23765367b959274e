using FollowUpFlow.App.Hosting;

namespace FollowUpFlow.App.Endpoints;

internal static class HealthEndpoints
{
    public static void MapHealthEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/health", (HostingMode mode) => TypedResults.Ok(new { status = "ok", mode = mode.Name }));
}
