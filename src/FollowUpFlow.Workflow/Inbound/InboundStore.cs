using System.Collections.Immutable;
using System.Text.Json;
using Azure;
using FollowUpFlow.Storage.Tables;
using FollowUpFlow.Workflow.Persistence;

namespace FollowUpFlow.Workflow.Inbound;

/// <summary>
/// Every inbound payload, partitioned by user: a row per payload (what arrived and what became of it), its bytes in
/// chunk rows after it, a review row per payload waiting for the candidate, and a deduplication row per message
/// routed (what became of its first payload). The calendar and thread rows of the same table are <see cref="InboundIndex"/>'s.
/// </summary>
public sealed class InboundStore(TableClient table)
{
    private const string RowType = "RowType";
    private const string PayloadRowType = "payload";

    /// <summary>At most this many problems are kept per payload; the last one says how many more there were.</summary>
    public const int MaxProblems = 100;

    private const int MaxProblemLength = 500;

    /// <summary>Display columns (subject, sender, Message-ID) are cut here: the raw message keeps them whole.</summary>
    private const int MaxHeaderLength = 1000;

    private const int MaxReasonLength = 4000;

    /// <summary>An understanding whose JSON is larger than this is not kept (the row says so): it is not a real email's.</summary>
    public const int MaxUnderstandingLength = 300_000;

    private static readonly string[] ListColumns =
        ["ReceivedAt", "Source", "ByteSize", "Truncated", "Status", "Reason", "Subject", "From", "InterviewId", "Kind", "MessageId"];

    public TableClient Table => table;

    /// <summary>
    /// Stores a payload: its chunk rows first, its own row with (or after) the last of them, so a listed payload always
    /// has all its bytes. A small payload is one request.
    /// </summary>
    public async Task SavePayloadAsync(string userId, StoredPayload payload, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        var payloadRow = ToEntity(userId, payload);
        payloadRow["Chunks"] = PayloadChunks.RowCount(bytes.Length);
        var batches = PayloadChunks.ToRows(userId, payload.PayloadId, bytes).Chunk(PayloadChunks.RowsPerBatch).ToList();
        for (var i = 0; i < batches.Count; i++)
        {
            var actions = batches[i].Select(row => new TableTransactionAction(TableTransactionActionType.UpsertReplace, row)).ToList();
            if (i == batches.Count - 1)
            {
                actions.Add(new TableTransactionAction(TableTransactionActionType.Add, payloadRow));
            }

            await table.SubmitTransactionAsync(actions, cancellationToken);
        }

        if (batches.Count == 0)
        {
            await table.AddEntityAsync(payloadRow, cancellationToken);
        }
    }

    /// <summary>
    /// Writes what became of a payload in one transaction: its outcome, its review row (when it waits for the
    /// candidate) and its message's deduplication row (when routing finished). All or nothing: a crash before this
    /// write leaves the message to be routed again, never half-recorded.
    /// </summary>
    public async Task RecordOutcomeAsync(string userId, string payloadId, PayloadOutcome outcome, DateTimeOffset now, CancellationToken cancellationToken, ReviewItem? review = null, DedupeEntry? dedupe = null)
    {
        var entity = new TableEntity(userId, InboundKeys.Payload(payloadId))
        {
            ["Status"] = outcome.Status,
            ["Reason"] = Shorten(outcome.Reason, MaxReasonLength),
            ["InterviewId"] = outcome.InterviewId,
            ["Kind"] = outcome.Kind,
            ["MessageId"] = Shorten(outcome.MessageId, MaxHeaderLength),
            ["Subject"] = Shorten(outcome.Subject, MaxHeaderLength),
            ["From"] = Shorten(outcome.From, MaxHeaderLength),
            ["DedupeKey"] = outcome.DedupeKey,
            ["Source"] = outcome.Source,
            ["UpdatedAt"] = now,
        };
        WriteProblems(entity, outcome.Problems);
        WriteUnderstanding(entity, outcome.UnderstandingJson);
        var actions = new List<TableTransactionAction> { new(TableTransactionActionType.UpsertMerge, entity) };
        if (review is not null)
        {
            actions.Add(new(TableTransactionActionType.UpsertReplace, ReviewRow(userId, review)));
        }

        if (dedupe is not null)
        {
            actions.Add(new(TableTransactionActionType.UpsertReplace, DedupeRow(userId, outcome.DedupeKey ?? throw new ArgumentException("A deduplication row needs the outcome's key.", nameof(outcome)), dedupe)));
        }

        await table.SubmitTransactionAsync(actions, cancellationToken);
    }

    /// <summary>
    /// Records the candidate's resolution in one transaction: the payload's status, reason and interview, its
    /// message's deduplication row (so a later copy answers with the resolution), and the end of its review row.
    /// </summary>
    public async Task RecordResolutionAsync(string userId, StoredPayload payload, string status, string reason, string? interviewId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(userId, InboundKeys.Payload(payload.PayloadId))
        {
            ["Status"] = status,
            ["Reason"] = Shorten(reason, MaxReasonLength),
            ["InterviewId"] = interviewId,
            ["UpdatedAt"] = now,
        };
        var actions = new List<TableTransactionAction> { new(TableTransactionActionType.UpsertMerge, entity) };
        if (payload.DedupeKey is { } dedupeKey)
        {
            actions.Add(new(TableTransactionActionType.UpsertReplace, DedupeRow(userId, dedupeKey, new DedupeEntry(payload.PayloadId, status, interviewId, payload.Kind, reason))));
        }

        if (payload.Status == InboundStatus.NeedsReview)
        {
            actions.Add(new(TableTransactionActionType.Delete, new TableEntity(userId, InboundKeys.Review(payload.PayloadId)), ETag.All));
        }

        await table.SubmitTransactionAsync(actions, cancellationToken);
    }

    /// <summary>What became of the first payload of a message, if one was routed before.</summary>
    public async Task<DedupeEntry?> GetDedupeAsync(string userId, string dedupeKey, CancellationToken cancellationToken)
    {
        var entity = await table.GetEntityIfExistsAsync(userId, InboundKeys.MessageId(dedupeKey), cancellationToken: cancellationToken);
        return entity is null ? null : new DedupeEntry(
            entity.GetString("PayloadId") ?? "",
            entity.GetString("Status") ?? "",
            entity.GetString("InterviewId"),
            entity.GetString("Kind"),
            entity.GetString("Reason") ?? "");
    }

    public async Task<StoredPayload?> GetPayloadAsync(string userId, string payloadId, CancellationToken cancellationToken)
    {
        var entity = await table.GetEntityIfExistsAsync(userId, InboundKeys.Payload(payloadId), cancellationToken: cancellationToken);
        return entity is null ? null : FromEntity(entity);
    }

    /// <summary>The stored bytes, exactly as many as were stored; null when the payload does not exist.</summary>
    public async Task<byte[]?> ReadBytesAsync(string userId, string payloadId, CancellationToken cancellationToken)
    {
        var payload = await table.GetEntityIfExistsAsync(userId, InboundKeys.Payload(payloadId), ["ByteSize"], cancellationToken);
        if (payload is null)
        {
            return null;
        }

        var size = payload.GetInt64("ByteSize") ?? 0;
        using var output = new MemoryStream(checked((int)size));
        var prefix = InboundKeys.PayloadChunkPrefix(payloadId);
        await foreach (var row in table.QueryAsync(PrefixFilter(userId, prefix), cancellationToken: cancellationToken))
        {
            PayloadChunks.Append(row, output);
        }

        if (output.Length != size)
        {
            throw new InvalidDataException($"Payload {payloadId} has {output.Length} of its {size} bytes in storage.");
        }

        return output.ToArray();
    }

    /// <summary>The newest payloads first, without their understanding or bytes.</summary>
    public async Task<IReadOnlyList<StoredPayload>> ListPayloadsAsync(string userId, int top, CancellationToken cancellationToken)
    {
        // Chunk rows share the key range; the row type keeps them (and their bytes) out of the answer.
        var filter = $"{PrefixFilter(userId, InboundKeys.PayloadPrefix)} and {TableFilter.Create($"RowType eq {PayloadRowType}")}";
        var payloads = new List<StoredPayload>();
        await foreach (var entity in table.QueryAsync(filter, ListColumns, top, cancellationToken: cancellationToken))
        {
            payloads.Add(FromEntity(entity));
        }

        return payloads;
    }

    /// <summary>Payloads waiting for the candidate, newest first: one range query over small rows.</summary>
    public async Task<IReadOnlyList<ReviewItem>> ListReviewAsync(string userId, int top, CancellationToken cancellationToken)
    {
        var items = new List<ReviewItem>();
        await foreach (var entity in table.QueryAsync(PrefixFilter(userId, InboundKeys.ReviewPrefix), top: top, cancellationToken: cancellationToken))
        {
            items.Add(new ReviewItem(
                entity.RowKey[InboundKeys.ReviewPrefix.Length..],
                entity.GetDateTimeOffset("ReceivedAt") ?? default,
                entity.GetString("Kind"),
                entity.GetString("Subject"),
                entity.GetString("From"),
                entity.GetString("Reason") ?? ""));
        }

        return items;
    }

    /// <summary>Keeps at most <see cref="MaxProblems"/> problems of bounded length, saying how many were left out.</summary>
    public static ImmutableArray<string> Bound(IReadOnlyCollection<string> problems)
    {
        var kept = problems.Take(MaxProblems).Select(p => Shorten(p, MaxProblemLength)!);
        return problems.Count <= MaxProblems
            ? [.. kept]
            : [.. kept, $"...and {problems.Count - MaxProblems} more problems, not kept."];
    }

    internal static string PrefixFilter(string userId, string prefix) =>
        TableFilter.Create($"PartitionKey eq {userId} and RowKey ge {prefix} and RowKey lt {InboundKeys.PrefixEnd(prefix)}");

    private static TableEntity ReviewRow(string userId, ReviewItem item) => new(userId, InboundKeys.Review(item.PayloadId))
    {
        ["ReceivedAt"] = item.ReceivedAt,
        ["Kind"] = item.Kind,
        ["Subject"] = Shorten(item.Subject, MaxHeaderLength),
        ["From"] = Shorten(item.From, MaxHeaderLength),
        ["Reason"] = Shorten(item.Reason, MaxReasonLength),
    };

    private static TableEntity DedupeRow(string userId, string dedupeKey, DedupeEntry entry) => new(userId, InboundKeys.MessageId(dedupeKey))
    {
        ["PayloadId"] = entry.PayloadId,
        ["Status"] = entry.Status,
        ["InterviewId"] = entry.InterviewId,
        ["Kind"] = entry.Kind,
        ["Reason"] = Shorten(entry.Reason, MaxReasonLength),
    };

    private static TableEntity ToEntity(string userId, StoredPayload payload) => new(userId, InboundKeys.Payload(payload.PayloadId))
    {
        [RowType] = PayloadRowType,
        ["ReceivedAt"] = payload.ReceivedAt,
        ["Source"] = payload.Source,
        ["ByteSize"] = payload.ByteSize,
        ["Sha256"] = payload.Sha256,
        ["Truncated"] = payload.Truncated,
        ["DeclaredLength"] = payload.DeclaredLength,
        ["ContentType"] = Shorten(payload.ContentType, MaxHeaderLength),
        ["Status"] = payload.Status,
        ["Reason"] = Shorten(payload.Reason, MaxReasonLength),
    };

    private static StoredPayload FromEntity(TableEntity entity)
    {
        var problems = EntityText.Read(entity, "Problems");
        return new StoredPayload(
            entity.RowKey[InboundKeys.PayloadPrefix.Length..],
            entity.GetDateTimeOffset("ReceivedAt") ?? default,
            entity.GetString("Source") ?? "",
            entity.GetInt64("ByteSize") ?? 0,
            entity.GetString("Sha256") ?? "",
            entity.GetBoolean("Truncated") ?? false,
            entity.GetInt64("DeclaredLength"),
            entity.GetString("ContentType"),
            entity.GetString("Status") ?? InboundStatus.Received,
            entity.GetString("Reason") ?? "",
            entity.GetString("MessageId"),
            entity.GetString("Subject"),
            entity.GetString("From"),
            entity.GetString("InterviewId"),
            entity.GetString("Kind"),
            problems is null ? [] : JsonSerializer.Deserialize<ImmutableArray<string>>(problems, WorkflowJson.Options),
            EntityText.Read(entity, "Understanding"),
            entity.GetString("DedupeKey"),
            entity.GetDateTimeOffset("UpdatedAt"));
    }

    private static void WriteProblems(TableEntity entity, ImmutableArray<string> problems) =>
        EntityText.Write(entity, "Problems", JsonSerializer.Serialize(Bound(problems.IsDefault ? [] : problems), WorkflowJson.Options));

    private static void WriteUnderstanding(TableEntity entity, string? json)
    {
        if (json is null)
        {
            return;
        }

        if (json.Length > MaxUnderstandingLength)
        {
            entity["UnderstandingOmitted"] = $"The understanding is {json.Length} characters of JSON; at most {MaxUnderstandingLength} are kept. The raw message is stored in full.";
            return;
        }

        EntityText.Write(entity, "Understanding", json);
    }

    private static string? Shorten(string? text, int max) => text is null || text.Length <= max ? text : text[..(max - 1)] + "…";
}
