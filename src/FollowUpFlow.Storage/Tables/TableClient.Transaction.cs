using System.Globalization;
using System.Text.RegularExpressions;
using Azure;
using Azure.Core;
using FollowUpFlow.Storage.Pipeline;

namespace FollowUpFlow.Storage.Tables;

public sealed partial class TableClient
{
    /// <summary>
    /// Submits up to 100 actions on one partition as an entity-group transaction: all succeed or none do.
    /// Invalid input throws <see cref="ArgumentException"/> before anything is sent; a rejected batch throws
    /// <see cref="TableTransactionFailedException"/> with the failing action's index.
    /// </summary>
    public async Task<TableTransactionResult> SubmitTransactionAsync(IEnumerable<TableTransactionAction> actions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actions);
        var list = actions.ToList();
        ValidateTransaction(list);

        var (body, contentType) = TableBatchWriter.Write(list, path => _connection.UrlFor(path).AbsoluteUri, Name, Guid.NewGuid(), Guid.NewGuid());
        if (body.Length > TableLimits.MaxBatchBytes)
        {
            throw new PayloadTooLargeException(
                $"The transaction body is {body.Length} bytes; a batch holds at most {TableLimits.MaxBatchBytes}. Submit fewer or smaller entities.",
                null, body.Length, TableLimits.MaxBatchBytes);
        }

        using var request = CreateRequest(RequestMethod.Post, "$batch");
        request.Headers.SetValue(StorageHeaders.Accept, StorageHeaders.JsonMinimalMetadata);
        request.Headers.SetValue(StorageHeaders.ContentType, contentType);
        request.Content = RequestContent.Create(body);

        var operation = $"Transaction of {list.Count} actions on partition '{list[0].Entity.PartitionKey}' of table {Name}";
        using var response = ServiceConnection.EnsureSuccess(await _connection.SendAsync(request, cancellationToken).ConfigureAwait(false), operation);
        response.Headers.TryGetValue(StorageHeaders.ContentType, out var responseType);
        var parts = MultipartResponseReader.Read(response.Content.ToString(), responseType ?? string.Empty);

        var failed = parts.FindIndex(p => p.Status is < 200 or >= 300);
        if (failed >= 0)
        {
            throw TransactionFailure(parts[failed], list, operation);
        }

        if (parts.Count != list.Count)
        {
            throw new StorageRequestException(response.Status, null, StorageErrorKind.Other,
                $"{operation}: the service answered {parts.Count} results for {list.Count} actions.");
        }

        return new TableTransactionResult(parts.Select(p => p.Headers.TryGetValue("ETag", out var etag) ? new ETag(etag) : default).ToList());
    }

    private static void ValidateTransaction(List<TableTransactionAction> actions)
    {
        if (actions.Count is 0 or > TableLimits.MaxBatchActions)
        {
            throw new ArgumentException($"A transaction needs 1 to {TableLimits.MaxBatchActions} actions; got {actions.Count}.", nameof(actions));
        }

        var partition = actions[0].Entity?.PartitionKey;
        var rowKeys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < actions.Count; i++)
        {
            var action = actions[i] ?? throw new ArgumentException($"Action {i} is null.", nameof(actions));
            var entity = action.Entity ?? throw new ArgumentException($"Action {i} has no entity.", nameof(actions));
            if (!Enum.IsDefined(action.ActionType))
            {
                throw new ArgumentException($"Action {i} has an unknown type {action.ActionType}.", nameof(actions));
            }

            if (entity.PartitionKey != partition)
            {
                throw new ArgumentException($"Action {i} is on partition '{entity.PartitionKey}'; a transaction stays in one partition ('{partition}').", nameof(actions));
            }

            if (!rowKeys.Add(entity.RowKey))
            {
                throw new ArgumentException($"Action {i} touches row '{entity.RowKey}' again; each entity may appear once per transaction.", nameof(actions));
            }

            if (action.NeedsETag && action.EffectiveETag == default)
            {
                throw new ArgumentException($"Action {i} ({action.ActionType}) needs an ETag; pass ETag.All to match any version.", nameof(actions));
            }

            if (action.ActionType == TableTransactionActionType.Delete)
            {
                TableLimits.ValidateKey(entity.PartitionKey, nameof(entity.PartitionKey));
                TableLimits.ValidateKey(entity.RowKey, nameof(entity.RowKey));
            }
            else
            {
                TableLimits.ValidateEntity(entity);
            }
        }
    }

    private static TableTransactionFailedException TransactionFailure(BatchPartResponse part, List<TableTransactionAction> actions, string operation)
    {
        var (code, serviceMessage) = StorageErrors.ReadBody(BinaryData.FromString(part.Body));
        var index = FailedIndex(serviceMessage, part.Headers);
        var action = index is { } i && i >= 0 && i < actions.Count ? actions[i] : null;
        if (action is null)
        {
            index = null;
        }

        var message = StorageErrors.Describe(
            index is null ? operation : $"{operation}, action {index} ({action!.ActionType} {action.Entity.RowKey})",
            part.Status, code, StripIndex(serviceMessage), requestId: null);
        return new TableTransactionFailedException(part.Status, code, StorageErrors.KindOf(part.Status, code), message, index, action);
    }

    // The service prefixes the error text with the failing action's zero-based index: "1:The specified entity already exists."
    private static int? FailedIndex(string? serviceMessage, IReadOnlyDictionary<string, string> headers)
    {
        if (serviceMessage is not null && IndexPrefix().Match(serviceMessage) is { Success: true } match)
        {
            return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        }

        return headers.TryGetValue("Content-ID", out var contentId) && int.TryParse(contentId, CultureInfo.InvariantCulture, out var id) ? id - 1 : null;
    }

    private static string? StripIndex(string? serviceMessage) =>
        serviceMessage is null ? null : IndexPrefix().Replace(serviceMessage, string.Empty, 1);

    [GeneratedRegex(@"^(\d+):")]
    private static partial Regex IndexPrefix();
}
