using System.Security.Cryptography;
using FollowUpFlow.Storage.Tables;

namespace FollowUpFlow.Workflow.Replies;

/// <summary>What is known of the mailbox's subscription, and when its conversations were last checked.</summary>
/// <param name="ClientState">A random secret Graph repeats in every notification; kept across recreations.</param>
public sealed record GraphSubscriptionState(string ClientState, string? SubscriptionId, DateTimeOffset? ExpiresAt, DateTimeOffset? LastConversationCheck);

/// <summary>One row per user in the inbound table (its own row key, apart from payloads): the subscription's id, expiry and clientState.</summary>
public sealed class GraphSubscriptionStore(TableClient table)
{
    private const string RowKey = "graphsub|inbox";

    public async Task<GraphSubscriptionState?> GetAsync(string userId, CancellationToken cancellationToken)
    {
        var entity = await table.GetEntityIfExistsAsync(userId, RowKey, cancellationToken: cancellationToken);
        return entity?.GetString("ClientState") is not { Length: > 0 } clientState
            ? null
            : new GraphSubscriptionState(
                clientState,
                entity.GetString("SubscriptionId"),
                entity.GetDateTimeOffset("ExpiresAt"),
                entity.GetDateTimeOffset("LastConversationCheck"));
    }

    public async Task SaveAsync(string userId, GraphSubscriptionState state, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(userId, RowKey)
        {
            ["ClientState"] = state.ClientState,
            ["SubscriptionId"] = state.SubscriptionId,
            ["ExpiresAt"] = state.ExpiresAt,
            ["LastConversationCheck"] = state.LastConversationCheck,
        };
        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>256 random bits, URL-safe: well inside Graph's 128-character limit.</summary>
    public static string NewClientState() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
