using Azure.Core;
using Azure.Core.Pipeline;
using FollowUpFlow.Storage.Auth;

namespace FollowUpFlow.Storage.Pipeline;

/// <summary>Builds the Azure.Core pipeline for one service: version/date headers, then the account's authorization.</summary>
internal static class StoragePipeline
{
    /// <summary>The one scope Azure Storage accepts for Microsoft Entra tokens.</summary>
    public const string TokenScope = "https://storage.azure.com/.default";

    public static HttpPipeline Build(StorageAccount account, StorageClientOptions options, StorageService service)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(options);
        HttpPipelinePolicy auth = (account.SharedKeyCredential, account.TokenCredential) switch
        {
            ({ } key, _) when service == StorageService.Table => new TableSharedKeyPolicy(key),
            ({ } key, _) => new QueueSharedKeyPolicy(key),
            (null, { } token) => new BearerTokenAuthenticationPolicy(token, TokenScope),
            _ => throw new InvalidOperationException("The storage account has neither a shared key nor a token credential."),
        };

        // Per retry: every attempt gets a fresh x-ms-date and a fresh signature.
        return HttpPipelineBuilder.Build(
            options,
            [],
            [new StorageHeadersPolicy(options.ServiceVersion, TimeProvider.System), auth],
            new ResponseClassifier());
    }
}

internal enum StorageService
{
    Table,
    Queue,
}
