using System.Security.Cryptography;
using FollowUpFlow.Storage.Tables;

namespace FollowUpFlow.Workflow.Replies;

/// <summary>What is known of the mailbox's subscription, and when its conversations were last checked.</summary>
/// <param name="ClientState">A random secret Graph repeats in every notification; kept across recreations. Null before the first subscription.</param>
public sealed record GraphSubscriptionState(string? ClientState, string? SubscriptionId, DateTimeOffset? ExpiresAt, DateTimeOffset? LastConversationCheck);

/// <summary>One row per user in the inbound table (its own row key, apart from payloads): the subscription's id, expiry and clientState.</summary>
public sealed class GraphSubscriptionStore(TableClient table)
{
    private const string RowKey = "graphsub|inbox";

    public async Task<GraphSubscriptionState?> GetAsync(string userId, CancellationToken cancellationToken)
    {
        var entity = await table.GetEntityIfExistsAsync(userId, RowKey, cancellationToken: cancellationToken);
        return entity is null
            ? null
            : new GraphSubscriptionState(
                entity.GetString("ClientState") is { Length: > 0 } clientState ? clientState : null,
                entity.GetString("SubscriptionId"),
                entity.GetDateTimeOffset("ExpiresAt"),
                entity.GetDateTimeOffset("LastConversationCheck"));
    }

    /// <summary>
    /// Writes the subscription's columns only (a merge), so a conversation check finishing at the same time, which writes
    /// its own column, can neither undo nor be undone by it.
    /// </summary>
    public async Task SaveSubscriptionAsync(string userId, string clientState, string? subscriptionId, DateTimeOffset? expiresAt, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(userId, RowKey)
        {
            ["ClientState"] = clientState,
            ["SubscriptionId"] = subscriptionId,
            ["ExpiresAt"] = expiresAt,
        };
        await table.UpsertEntityAsync(entity, TableUpdateMode.Merge, cancellationToken);
    }

    /// <summary>Records when the conversations were last checked, leaving the subscription's columns alone.</summary>
    public async Task SaveConversationCheckAsync(string userId, DateTimeOffset checkedAt, CancellationToken cancellationToken) =>
        await table.UpsertEntityAsync(new TableEntity(userId, RowKey) { ["LastConversationCheck"] = checkedAt }, TableUpdateMode.Merge, cancellationToken);

    /// <summary>256 random bits, URL-safe: well inside Graph's 128-character limit.</summary>
    public static string NewClientState() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
