using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Azure.Core;
using FollowUpFlow.Storage.Pipeline;

namespace FollowUpFlow.Storage.Tables;

public sealed partial class TableClient
{
    /// <summary>The service returns at most this many entities per request.</summary>
    public const int MaxPageSize = 1000;

    private const string NextPartitionKeyHeader = "x-ms-continuation-NextPartitionKey";
    private const string NextRowKeyHeader = "x-ms-continuation-NextRowKey";

    /// <summary>
    /// Streams every entity matching <paramref name="filter"/> (build it with <see cref="TableFilter.Create"/>),
    /// following continuation tokens; stops after <paramref name="top"/> entities when given.
    /// <paramref name="select"/> limits the properties returned (the keys always come back).
    /// </summary>
    public async IAsyncEnumerable<TableEntity> QueryAsync(
        string? filter = null,
        IEnumerable<string>? select = null,
        int? top = null,
        int maxPerPage = MaxPageSize,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (top is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(top), "top must be at least 1.");
        }

        if (maxPerPage is < 1 or > MaxPageSize)
        {
            throw new ArgumentOutOfRangeException(nameof(maxPerPage), $"A page holds 1 to {MaxPageSize} entities.");
        }

        var selectList = select?.ToList();
        var remaining = top ?? int.MaxValue;
        TableContinuationToken? continuation = null;
        do
        {
            var page = await QueryPageAsync(filter, selectList, Math.Min(maxPerPage, remaining), continuation, cancellationToken).ConfigureAwait(false);
            foreach (var entity in page.Items)
            {
                yield return entity;
                if (--remaining == 0)
                {
                    yield break;
                }
            }

            continuation = page.ContinuationToken;
        }
        while (continuation is not null);
    }

    /// <summary>
    /// One request: a page of at most <paramref name="top"/> entities (the service's $top; 1,000 when null)
    /// and the token for the next page, so callers page and count requests themselves.
    /// </summary>
    public async Task<TableQueryPage> QueryPageAsync(
        string? filter = null,
        IEnumerable<string>? select = null,
        int? top = null,
        TableContinuationToken? continuation = null,
        CancellationToken cancellationToken = default)
    {
        if (top is < 1 or > MaxPageSize)
        {
            throw new ArgumentOutOfRangeException(nameof(top), $"A page holds 1 to {MaxPageSize} entities.");
        }

        using var request = CreateRequest(RequestMethod.Get, Name + "()");
        request.Headers.SetValue(StorageHeaders.Accept, StorageHeaders.JsonMinimalMetadata);
        if (!string.IsNullOrEmpty(filter))
        {
            request.Uri.AppendQuery("$filter", filter, escapeValue: true);
        }

        AppendSelect(request, select);
        if (top is { } pageSize)
        {
            request.Uri.AppendQuery("$top", pageSize.ToString(CultureInfo.InvariantCulture), escapeValue: false);
        }

        if (continuation is not null)
        {
            request.Uri.AppendQuery("NextPartitionKey", continuation.NextPartitionKey, escapeValue: true);
            if (continuation.NextRowKey is { } nextRow)
            {
                request.Uri.AppendQuery("NextRowKey", nextRow, escapeValue: true);
            }
        }

        using var response = ServiceConnection.EnsureSuccess(
            await _connection.SendAsync(request, cancellationToken).ConfigureAwait(false), $"Query table {Name}");
        return new TableQueryPage(ReadEntities(response.Content), ReadContinuation(response));
    }

    private static List<TableEntity> ReadEntities(BinaryData body)
    {
        using var doc = JsonDocument.Parse(body.ToMemory());
        var items = new List<TableEntity>();
        if (doc.RootElement.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.Array)
        {
            foreach (var element in value.EnumerateArray())
            {
                items.Add(TableEntityJsonReader.Read(element));
            }
        }

        return items;
    }

    private static TableContinuationToken? ReadContinuation(Azure.Response response)
    {
        if (!response.Headers.TryGetValue(NextPartitionKeyHeader, out var nextPartition) || string.IsNullOrEmpty(nextPartition))
        {
            return null;
        }

        response.Headers.TryGetValue(NextRowKeyHeader, out var nextRow);
        return new TableContinuationToken(nextPartition, string.IsNullOrEmpty(nextRow) ? null : nextRow);
    }
}
