using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Azure;
using FollowUpFlow.Core.Model;
using FollowUpFlow.Storage;
using FollowUpFlow.Storage.Tables;
using FollowUpFlow.Workflow.Effects;

namespace FollowUpFlow.Workflow.Persistence;

/// <summary>
/// Interviews, their history, drafts and replies in one table, partitioned by user. A transition is saved in one
/// entity-group transaction: the interview row (state and outbox, with optimistic concurrency on its ETag), the
/// history event, every draft that changed, and the reply that came with it. All or nothing.
/// </summary>
public sealed class InterviewStore(TableClient table)
{
    private static readonly string[] SummaryColumns = ["RowKey", "Company", "Role", "Start", "Phase", "TimeZone", "CloseReason"];

    public TableClient Table => table;

    public async Task<InterviewRecord?> GetAsync(string userId, string interviewId, CancellationToken cancellationToken)
    {
        var entity = await table.GetEntityIfExistsAsync(userId, RowKeys.Interview(interviewId), cancellationToken: cancellationToken);
        return entity is null ? null : ToRecord(userId, entity);
    }

    /// <summary>
    /// Writes a transition. <paramref name="previous"/> null means the interview is new (insert; a second insert of the
    /// same id conflicts). Throws <see cref="ConcurrencyConflictException"/> when the row changed since it was read.
    /// </summary>
    public async Task<InterviewRecord> SaveAsync(
        string userId,
        InterviewRecord? previous,
        InterviewState state,
        ImmutableArray<PendingEffect> outbox,
        HistoryEntry? history,
        IReadOnlyCollection<Draft> changedDrafts,
        StoredReply? reply,
        CancellationToken cancellationToken)
    {
        var historyCount = (previous?.HistoryCount ?? 0) + (history is null ? 0 : 1);
        var commitId = Guid.NewGuid().ToString("N");
        var interviewRow = ToEntity(userId, state, outbox, historyCount);
        interviewRow["CommitId"] = commitId;
        var actions = new List<TableTransactionAction>
        {
            previous is null
                ? new TableTransactionAction(TableTransactionActionType.Add, interviewRow)
                : new TableTransactionAction(TableTransactionActionType.UpdateReplace, interviewRow, previous.ETag),
        };
        if (history is not null)
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.Add, ToEntity(userId, state.Id, history)));
        }

        foreach (var draft in changedDrafts)
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, ToEntity(userId, state, draft)));
        }

        if (reply is not null)
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, ToEntity(userId, reply)));
        }

        try
        {
            var results = await table.SubmitTransactionAsync(actions, cancellationToken);
            return new InterviewRecord(userId, state, outbox, historyCount, results.ETags[0]);
        }
        catch (TableTransactionFailedException e) when (e.FailedActionIndex == 0 && e.Kind is StorageErrorKind.PreconditionFailed or StorageErrorKind.Conflict)
        {
            // A batch retried after a lost answer conflicts with its own first try: the row carrying our commit id means it landed.
            var stored = await table.GetEntityIfExistsAsync(userId, RowKeys.Interview(state.Id), ["CommitId"], cancellationToken);
            if (stored?.GetString("CommitId") == commitId)
            {
                return new InterviewRecord(userId, state, outbox, historyCount, stored.ETag);
            }

            throw new ConcurrencyConflictException($"Interview '{state.Id}' changed since it was read.", e);
        }
    }

    public async IAsyncEnumerable<InterviewSummary> ListAsync(string userId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = PrefixFilter(userId, RowKeys.InterviewPrefix);
        await foreach (var entity in table.QueryAsync(filter, SummaryColumns, cancellationToken: cancellationToken))
        {
            yield return new InterviewSummary(
                entity.RowKey[RowKeys.InterviewPrefix.Length..],
                entity.GetString("Company") ?? "",
                entity.GetString("Role") ?? "",
                entity.GetDateTimeOffset("Start") ?? default,
                Enum.Parse<InterviewPhase>(entity.GetString("Phase") ?? nameof(InterviewPhase.Scheduled)),
                entity.GetString("TimeZone"),
                Enum.TryParse<CloseReason>(entity.GetString("CloseReason"), out var reason) ? reason : null);
        }
    }

    public async Task<IReadOnlyList<HistoryEntry>> GetHistoryAsync(string userId, string interviewId, CancellationToken cancellationToken)
    {
        var entries = new List<HistoryEntry>();
        await foreach (var entity in table.QueryAsync(PrefixFilter(userId, RowKeys.EventPrefix(interviewId)), cancellationToken: cancellationToken))
        {
            entries.Add(Deserialize<HistoryEntry>(EntityText.Read(entity, "Entry")));
        }

        return entries;
    }

    public async Task<IReadOnlyList<StoredReply>> GetRepliesAsync(string userId, string interviewId, CancellationToken cancellationToken)
    {
        var replies = new List<StoredReply>();
        await foreach (var entity in table.QueryAsync(PrefixFilter(userId, RowKeys.ReplyPrefix(interviewId)), cancellationToken: cancellationToken))
        {
            replies.Add(new StoredReply(
                entity.RowKey[RowKeys.ReplyPrefix(interviewId).Length..],
                interviewId,
                entity.GetString("From") ?? "",
                entity.GetString("Subject") ?? "",
                EntityText.Read(entity, "Body") ?? "",
                entity.GetDateTimeOffset("ReceivedAt") ?? default));
        }

        return replies;
    }

    public async Task<DraftRecord?> GetDraftAsync(string userId, string draftId, CancellationToken cancellationToken)
    {
        var entity = await table.GetEntityIfExistsAsync(userId, RowKeys.Draft(draftId), cancellationToken: cancellationToken);
        return entity is null ? null : ToDraftRecord(entity);
    }

    public async IAsyncEnumerable<DraftRecord> ListDraftsAsync(string userId, DraftStatus? status, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = PrefixFilter(userId, RowKeys.DraftPrefix);
        if (status is { } wanted)
        {
            filter = $"{filter} and {TableFilter.Create($"Status eq {wanted.ToString()}")}";
        }

        await foreach (var entity in table.QueryAsync(filter, cancellationToken: cancellationToken))
        {
            yield return ToDraftRecord(entity);
        }
    }

    /// <summary>Stores a research task under its id; storing it again replaces it with the same content.</summary>
    public async Task SaveResearchTaskAsync(string userId, ResearchTask task, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(userId, RowKeys.ResearchTask(task.Id)) { ["InterviewId"] = task.InterviewId };
        EntityText.Write(entity, "Task", Serialize(task));
        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<ResearchTask?> GetResearchTaskAsync(string userId, string taskId, CancellationToken cancellationToken)
    {
        var entity = await table.GetEntityIfExistsAsync(userId, RowKeys.ResearchTask(taskId), cancellationToken: cancellationToken);
        return entity is null ? null : Deserialize<ResearchTask>(EntityText.Read(entity, "Task"));
    }

    private static string PrefixFilter(string userId, string prefix) =>
        TableFilter.Create($"PartitionKey eq {userId} and RowKey ge {prefix} and RowKey lt {RowKeys.PrefixEnd(prefix)}");

    private static TableEntity ToEntity(string userId, InterviewState state, ImmutableArray<PendingEffect> outbox, int historyCount)
    {
        var entity = new TableEntity(userId, RowKeys.Interview(state.Id))
        {
            ["Company"] = state.Details.Company,
            ["Role"] = state.Details.Role,
            ["Start"] = state.Details.Start.ToUniversalTime(),
            ["Phase"] = state.Phase.ToString(),
            ["TimeZone"] = state.Details.TimeZone,
            ["CloseReason"] = state.CloseReason?.ToString(),
            ["HistoryCount"] = historyCount,
        };
        EntityText.Write(entity, "State", Serialize(state));
        EntityText.Write(entity, "Outbox", Serialize(outbox));
        return entity;
    }

    private static TableEntity ToEntity(string userId, string interviewId, HistoryEntry history)
    {
        var entity = new TableEntity(userId, RowKeys.Event(interviewId, history.Sequence))
        {
            ["At"] = history.At.ToUniversalTime(),
            ["Summary"] = history.Summary,
        };
        EntityText.Write(entity, "Entry", Serialize(history));
        return entity;
    }

    private static TableEntity ToEntity(string userId, InterviewState state, Draft draft)
    {
        var entity = new TableEntity(userId, RowKeys.Draft(draft.Id))
        {
            ["InterviewId"] = state.Id,
            ["Company"] = state.Details.Company,
            ["Role"] = state.Details.Role,
            ["Status"] = draft.Status.ToString(),
            ["Kind"] = draft.Kind.ToString(),
        };
        EntityText.Write(entity, "Draft", Serialize(draft));
        return entity;
    }

    private static TableEntity ToEntity(string userId, StoredReply reply)
    {
        var entity = new TableEntity(userId, RowKeys.Reply(reply.InterviewId, reply.Id))
        {
            ["From"] = reply.From,
            ["Subject"] = reply.Subject,
            ["ReceivedAt"] = reply.ReceivedAt.ToUniversalTime(),
        };
        EntityText.Write(entity, "Body", reply.Body);
        return entity;
    }

    private static InterviewRecord ToRecord(string userId, TableEntity entity) => new(
        userId,
        Deserialize<InterviewState>(EntityText.Read(entity, "State")),
        Deserialize<ImmutableArray<PendingEffect>>(EntityText.Read(entity, "Outbox")),
        entity.GetInt32("HistoryCount") ?? 0,
        entity.ETag);

    private static DraftRecord ToDraftRecord(TableEntity entity) => new(
        entity.GetString("InterviewId") ?? "",
        entity.GetString("Company") ?? "",
        entity.GetString("Role") ?? "",
        Deserialize<Draft>(EntityText.Read(entity, "Draft")));

    private static string Serialize<T>(T value) => JsonSerializer.Serialize(value, WorkflowJson.Options);

    private static T Deserialize<T>(string? json) =>
        JsonSerializer.Deserialize<T>(json ?? throw new InvalidDataException("A stored row lacks its JSON."), WorkflowJson.Options)
        ?? throw new InvalidDataException("A stored row holds null JSON.");
}
