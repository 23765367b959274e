using Azure.Core;

namespace FollowUpFlow.Storage;

/// <summary>Where the storage account is and how to authorize against it (a Shared Key or a token credential).</summary>
public sealed class StorageAccount
{
    /// <summary>Azurite's and the old emulator's well-known account; the key is public by design.</summary>
    public const string DevelopmentAccountName = "devstoreaccount1";

    internal const string DevelopmentAccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private StorageAccount(string accountName, Uri tableEndpoint, Uri queueEndpoint,
        StorageSharedKeyCredential? sharedKey, TokenCredential? token)
    {
        AccountName = accountName;
        TableEndpoint = tableEndpoint;
        QueueEndpoint = queueEndpoint;
        SharedKeyCredential = sharedKey;
        TokenCredential = token;
    }

    public string AccountName { get; }

    public Uri TableEndpoint { get; }

    public Uri QueueEndpoint { get; }

    /// <summary>Set when the account was parsed from a connection string with a key.</summary>
    public StorageSharedKeyCredential? SharedKeyCredential { get; }

    /// <summary>Set when the account authorizes with bearer tokens (managed identity and the like).</summary>
    public TokenCredential? TokenCredential { get; }

    public static StorageAccount DevelopmentStorage { get; } = FromSharedKey(
        new Uri("http://127.0.0.1:10002/" + DevelopmentAccountName),
        new Uri("http://127.0.0.1:10001/" + DevelopmentAccountName),
        new StorageSharedKeyCredential(DevelopmentAccountName, DevelopmentAccountKey));

    /// <summary>
    /// Parses <c>UseDevelopmentStorage=true</c> or
    /// <c>DefaultEndpointsProtocol=..;AccountName=..;AccountKey=..[;TableEndpoint=..][;QueueEndpoint=..][;EndpointSuffix=..]</c>.
    /// </summary>
    public static StorageAccount Parse(string connectionString)
    {
        var settings = StorageConnectionString.Parse(connectionString);
        if (settings.TryGetValue("UseDevelopmentStorage", out var dev) && bool.TryParse(dev, out var useDev) && useDev)
        {
            return DevelopmentStorage;
        }

        if (settings.ContainsKey("SharedAccessSignature"))
        {
            throw new FormatException("Storage connection strings with a SharedAccessSignature are not supported; use an AccountKey or a token credential.");
        }

        var accountName = Required(settings, "AccountName");
        var accountKey = Required(settings, "AccountKey");
        var protocol = settings.GetValueOrDefault("DefaultEndpointsProtocol", "https");
        if (protocol is not ("http" or "https"))
        {
            throw new FormatException("DefaultEndpointsProtocol must be 'http' or 'https'.");
        }

        var suffix = settings.GetValueOrDefault("EndpointSuffix", "core.windows.net");
        var table = Endpoint(settings, "TableEndpoint") ?? new Uri($"{protocol}://{accountName}.table.{suffix}");
        var queue = Endpoint(settings, "QueueEndpoint") ?? new Uri($"{protocol}://{accountName}.queue.{suffix}");
        return FromSharedKey(table, queue, new StorageSharedKeyCredential(accountName, accountKey));
    }

    public static StorageAccount FromSharedKey(Uri tableEndpoint, Uri queueEndpoint, StorageSharedKeyCredential credential)
    {
        ArgumentNullException.ThrowIfNull(tableEndpoint);
        ArgumentNullException.ThrowIfNull(queueEndpoint);
        ArgumentNullException.ThrowIfNull(credential);
        return new StorageAccount(credential.AccountName, tableEndpoint, queueEndpoint, credential, null);
    }

    /// <summary>Bearer-token account for explicit endpoints (path-style or host-style).</summary>
    public static StorageAccount FromTokenCredential(Uri tableEndpoint, Uri queueEndpoint, TokenCredential credential)
    {
        ArgumentNullException.ThrowIfNull(tableEndpoint);
        ArgumentNullException.ThrowIfNull(queueEndpoint);
        ArgumentNullException.ThrowIfNull(credential);
        return new StorageAccount(AccountNameOf(tableEndpoint), tableEndpoint, queueEndpoint, null, credential);
    }

    /// <summary>Bearer-token account on the public cloud's host-style endpoints.</summary>
    public static StorageAccount FromTokenCredential(string accountName, TokenCredential credential, string endpointSuffix = "core.windows.net")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountName);
        return FromTokenCredential(
            new Uri($"https://{accountName}.table.{endpointSuffix}"),
            new Uri($"https://{accountName}.queue.{endpointSuffix}"),
            credential);
    }

    public override string ToString() =>
        $"StorageAccount({AccountName}, table={TableEndpoint}, queue={QueueEndpoint}, auth={(SharedKeyCredential is null ? "token" : "shared key")})";

    private static string Required(Dictionary<string, string> settings, string name) =>
        settings.TryGetValue(name, out var value) && value.Length > 0
            ? value
            : throw new FormatException($"The storage connection string has no '{name}'.");

    private static Uri? Endpoint(Dictionary<string, string> settings, string name)
    {
        if (!settings.TryGetValue(name, out var value) || value.Length == 0)
        {
            return null;
        }

        return Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new FormatException($"The storage connection string's '{name}' is not an absolute http(s) URI.");
    }

    // Host-style "acct.table.core.windows.net" or path-style "127.0.0.1:10002/acct".
    private static string AccountNameOf(Uri endpoint)
    {
        var firstSegment = endpoint.AbsolutePath.Trim('/').Split('/')[0];
        if (endpoint.HostNameType != UriHostNameType.Dns || endpoint.IsLoopback)
        {
            return firstSegment;
        }

        var dot = endpoint.Host.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 ? endpoint.Host[..dot] : endpoint.Host;
    }
}
