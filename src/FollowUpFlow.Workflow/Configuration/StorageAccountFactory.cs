using Azure.Identity;
using FollowUpFlow.Storage;

namespace FollowUpFlow.Workflow.Configuration;

/// <summary>Picks the storage account from settings: a connection string (Azurite, account key) or endpoints with a managed identity.</summary>
public static class StorageAccountFactory
{
    public static StorageAccount Create(StorageOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return StorageAccount.Parse(options.ConnectionString);
        }

        if (options.TableEndpoint is not null && options.QueueEndpoint is not null)
        {
            var credential = string.IsNullOrEmpty(options.ManagedIdentityClientId)
                ? new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned)
                : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(options.ManagedIdentityClientId));
            return StorageAccount.FromTokenCredential(options.TableEndpoint, options.QueueEndpoint, credential);
        }

        throw new InvalidOperationException(
            $"Storage is not configured: set {StorageOptions.Section}:ConnectionString, or {StorageOptions.Section}:TableEndpoint and :QueueEndpoint for a managed identity.");
    }
}
