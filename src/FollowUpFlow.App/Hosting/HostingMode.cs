using System.Globalization;

namespace FollowUpFlow.App.Hosting;

/// <summary>
/// Standalone (the app serves 127.0.0.1 and ticks its own scheduler) or under the Azure Functions host (it listens on
/// the port the host names in FUNCTIONS_CUSTOMHANDLER_PORT and the host's timer trigger ticks it).
/// </summary>
public sealed record HostingMode(string Name, string Url, bool RunsOwnScheduler)
{
    public const string FunctionsPortVariable = "FUNCTIONS_CUSTOMHANDLER_PORT";
    public const string DefaultStandaloneUrl = "http://127.0.0.1:7071";

    public bool IsFunctionsHost => !RunsOwnScheduler;

    public static HostingMode Detect(IConfiguration configuration)
    {
        var functionsPort = configuration[FunctionsPortVariable];
        if (!string.IsNullOrEmpty(functionsPort))
        {
            if (!int.TryParse(functionsPort, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
            {
                throw new InvalidOperationException($"{FunctionsPortVariable} must be a TCP port number, not '{functionsPort}'.");
            }

            return new HostingMode("functions", string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}"), RunsOwnScheduler: false);
        }

        var url = configuration["FollowUpFlow:Url"] ?? DefaultStandaloneUrl;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || !Loopback.IsAddress(uri.Host))
        {
            // Standalone has no sign-in: it must never be reachable from another machine.
            throw new InvalidOperationException($"FollowUpFlow:Url must be an http URL on a loopback address such as {DefaultStandaloneUrl}, not '{url}'.");
        }

        return new HostingMode("standalone", url, RunsOwnScheduler: true);
    }
}
