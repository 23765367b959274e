using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace FollowUpFlow.App.Hosting;

/// <summary>
/// Standalone has no sign-in, so it must never listen beyond this machine, whatever Kestrel endpoints configuration
/// says: after start, any non-loopback address stops the app.
/// </summary>
internal static partial class LoopbackCheck
{
    public static void StopUnlessLoopback(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var exposed = addresses.Where(a => !IsLoopback(a)).ToList();
        if (exposed.Count > 0)
        {
            LogExposed(app.Logger, string.Join(", ", exposed));
            app.Lifetime.StopApplication();
        }
    }

    private static bool IsLoopback(string address) =>
        Uri.TryCreate(address.Replace("*", "0.0.0.0", StringComparison.Ordinal).Replace("+", "0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri)
        && Loopback.IsHost(uri.Host);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Standalone FollowUpFlow has no sign-in and must listen on loopback only, but it listens on {Addresses}; stopping")]
    private static partial void LogExposed(ILogger logger, string addresses);
}
