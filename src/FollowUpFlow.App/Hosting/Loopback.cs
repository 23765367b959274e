using System.Net;

namespace FollowUpFlow.App.Hosting;

/// <summary>What counts as "this machine only", for binding, request hosts and origins alike.</summary>
internal static class Loopback
{
    /// <summary>An IP literal in the loopback range ("127.0.0.1", "[::1]").</summary>
    public static bool IsAddress(string host) =>
        IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address);

    /// <summary>A host name that can only mean this machine: a loopback address or "localhost".</summary>
    public static bool IsHost(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || IsAddress(host);
}
