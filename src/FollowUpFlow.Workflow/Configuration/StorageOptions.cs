namespace FollowUpFlow.Workflow.Configuration;

/// <summary>
/// Where state lives. Either a connection string (Azurite, or an account key), or the account's endpoints with a
/// managed identity (no secret in configuration).
/// </summary>
public sealed class StorageOptions
{
    public const string Section = "FollowUpFlow:Storage";

    public string? ConnectionString { get; set; }

    public Uri? TableEndpoint { get; set; }

    public Uri? QueueEndpoint { get; set; }

    /// <summary>Client id of a user-assigned managed identity; empty for the system-assigned one.</summary>
    public string? ManagedIdentityClientId { get; set; }
}
