using Azure.Core;

namespace FollowUpFlow.Storage;

/// <summary>
/// Pipeline options for the Table and Queue clients. Callers add policies with
/// <see cref="ClientOptions.AddPolicy"/> (for example a <see cref="RequestCountingPolicy"/>) before building clients.
/// </summary>
public sealed class StorageClientOptions : ClientOptions
{
    /// <summary>The REST API version sent as x-ms-version: the first with JSON tables that all our features need.</summary>
    public const string DefaultServiceVersion = "2019-02-02";

    public StorageClientOptions()
    {
        // Storage throttles with 503/500 and short waits: a few exponential retries, capped, and a
        // network timeout well above a 4 MiB batch upload but far below Azure.Core's 100 s default.
        Retry.Mode = RetryMode.Exponential;
        Retry.MaxRetries = 4;
        Retry.Delay = TimeSpan.FromMilliseconds(200);
        Retry.MaxDelay = TimeSpan.FromSeconds(10);
        Retry.NetworkTimeout = TimeSpan.FromSeconds(60);
    }

    /// <summary>x-ms-version for every request.</summary>
    public string ServiceVersion { get; set; } = DefaultServiceVersion;
}
