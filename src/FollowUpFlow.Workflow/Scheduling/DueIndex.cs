using FollowUpFlow.Storage.Tables;

namespace FollowUpFlow.Workflow.Scheduling;

/// <summary>
/// Timers and effect deadlines of every interview, keyed by due time in one partition, so a tick costs one range
/// query for what is due, however many interviews exist.
/// </summary>
public sealed class DueIndex(TableClient table)
{
    private const string Partition = "due";
    private const int MaxBatch = 100;

    public TableClient Table => table;

    public async Task AddAsync(IReadOnlyCollection<DueItem> items, CancellationToken cancellationToken)
    {
        foreach (var chunk in items.Chunk(MaxBatch))
        {
            var actions = chunk.Select(item => new TableTransactionAction(TableTransactionActionType.UpsertReplace, ToEntity(item)));
            await table.SubmitTransactionAsync(actions, cancellationToken);
        }
    }

    /// <summary>Removes rows; a row already gone is fine (another worker or an earlier attempt removed it).</summary>
    public async Task RemoveAsync(IReadOnlyCollection<DueItem> items, CancellationToken cancellationToken)
    {
        foreach (var item in items)
        {
            await table.DeleteEntityAsync(Partition, item.RowKey, cancellationToken: cancellationToken);
        }
    }

    /// <summary>Moves a row to a later time (written first, then the old one removed, so the item is never unindexed).</summary>
    public async Task PostponeAsync(DueItem item, DueItem postponed, CancellationToken cancellationToken)
    {
        await AddAsync([postponed], cancellationToken);
        await RemoveAsync([item], cancellationToken);
    }

    /// <summary>Up to <paramref name="max"/> rows due at or before <paramref name="now"/>, earliest first: one request.</summary>
    public async Task<IReadOnlyList<DueItem>> GetDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        var filter = TableFilter.Create($"PartitionKey eq {Partition} and RowKey lt {DueItem.UpperBound(now)}");
        var page = await table.QueryPageAsync(filter, top: max, cancellationToken: cancellationToken);
        return page.Items.Select(FromEntity).ToList();
    }

    private static TableEntity ToEntity(DueItem item) => new(Partition, item.RowKey)
    {
        ["DueAt"] = item.DueAt.ToUniversalTime(),
        ["UserId"] = item.UserId,
        ["InterviewId"] = item.InterviewId,
        ["Kind"] = item.Kind.ToString(),
        ["ItemId"] = item.ItemId,
        ["WrittenAt"] = item.WrittenAt.ToUniversalTime(),
        ["ItemDueAt"] = item.ItemDueAt?.ToUniversalTime(),
        ["Attempts"] = item.Attempts,
    };

    private static DueItem FromEntity(TableEntity entity) => new(
        entity.GetDateTimeOffset("DueAt") ?? default,
        entity.GetString("UserId") ?? "",
        entity.GetString("InterviewId") ?? "",
        Enum.Parse<DueItemKind>(entity.GetString("Kind") ?? nameof(DueItemKind.Timer)),
        entity.GetString("ItemId") ?? "",
        entity.GetDateTimeOffset("WrittenAt") ?? default,
        entity.GetDateTimeOffset("ItemDueAt"),
        entity.GetInt32("Attempts") ?? 0);
}
