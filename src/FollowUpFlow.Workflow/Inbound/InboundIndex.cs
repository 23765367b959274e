using FollowUpFlow.Storage.Tables;

namespace FollowUpFlow.Workflow.Inbound;

/// <summary>
/// What ties messages to interviews, in the inbound table: a row per calendar event UID with the last SEQUENCE
/// applied, and a row per Message-ID of the thread an interview's messages belong to.
/// </summary>
public sealed class InboundIndex(TableClient table)
{
    /// <summary>A query filter may hold 15 comparisons; one is the partition.</summary>
    private const int MaxThreadIdsPerQuery = 14;

    public async Task<CalendarEntry?> GetCalendarAsync(string userId, string uid, CancellationToken cancellationToken)
    {
        var entity = await table.GetEntityIfExistsAsync(userId, InboundKeys.Calendar(uid), cancellationToken: cancellationToken);
        return entity?.GetString("InterviewId") is { } interviewId ? new CalendarEntry(interviewId, entity.GetInt32("Sequence")) : null;
    }

    /// <summary>The interviews any of these Message-IDs belong to (one request per 14 ids), most recent ids first.</summary>
    public async Task<IReadOnlyList<string>> FindThreadInterviewsAsync(string userId, IEnumerable<string> messageIds, CancellationToken cancellationToken)
    {
        var found = new List<string>();
        foreach (var chunk in messageIds.Where(id => !string.IsNullOrWhiteSpace(id)).Distinct(StringComparer.Ordinal).Chunk(MaxThreadIdsPerQuery))
        {
            var keys = string.Join(" or ", chunk.Select(id => TableFilter.Create($"RowKey eq {InboundKeys.Thread(id)}")));
            var filter = $"{TableFilter.Create($"PartitionKey eq {userId}")} and ({keys})";
            await foreach (var entity in table.QueryAsync(filter, ["InterviewId"], cancellationToken: cancellationToken))
            {
                if (entity.GetString("InterviewId") is { } interviewId && !found.Contains(interviewId))
                {
                    found.Add(interviewId);
                }
            }
        }

        return found;
    }

    /// <summary>
    /// Ties a message's ids (and its calendar event) to an interview, in one transaction. A calendar row keeps the
    /// highest SEQUENCE it has seen.
    /// </summary>
    public async Task RecordAsync(string userId, string interviewId, IEnumerable<string?> threadIds, string? calendarUid, int? sequence, CalendarEntry? knownCalendar, CancellationToken cancellationToken)
    {
        var actions = threadIds
            .Where(id => !string.IsNullOrWhiteSpace(id))
            .Select(id => InboundKeys.Thread(id!))
            .Distinct(StringComparer.Ordinal)
            .Select(key => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(userId, key) { ["InterviewId"] = interviewId }))
            .ToList();
        if (!string.IsNullOrWhiteSpace(calendarUid))
        {
            var highest = (sequence, knownCalendar?.Sequence) switch
            {
                ({ } s, { } k) => Math.Max(s, k),
                ({ } s, null) => s,
                (null, var k) => k,
            };
            actions.Add(new TableTransactionAction(
                TableTransactionActionType.UpsertReplace,
                new TableEntity(userId, InboundKeys.Calendar(calendarUid)) { ["InterviewId"] = interviewId, ["Sequence"] = highest }));
        }

        foreach (var chunk in actions.Chunk(TableLimits.MaxBatchActions))
        {
            await table.SubmitTransactionAsync(chunk, cancellationToken);
        }
    }
}
