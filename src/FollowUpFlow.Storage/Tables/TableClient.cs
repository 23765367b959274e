using Azure;
using Azure.Core;
using FollowUpFlow.Storage.Pipeline;

namespace FollowUpFlow.Storage.Tables;

/// <summary>One table: create/delete it, and write, read, query and batch its entities.</summary>
public sealed partial class TableClient
{
    private static readonly RequestMethod Merge = new("MERGE");
    private readonly ServiceConnection _connection;

    internal TableClient(ServiceConnection connection, string tableName)
    {
        TablePaths.ValidateTableName(tableName);
        _connection = connection;
        Name = tableName;
    }

    public string Name { get; }

    public Uri Uri => _connection.UrlFor(Name);

    /// <summary>Creates the table; returns false when it already existed.</summary>
    public Task<bool> CreateIfNotExistsAsync(CancellationToken cancellationToken = default) =>
        TableServiceClient.CreateTableAsync(_connection, Name, ifNotExists: true, cancellationToken);

    /// <summary>Deletes the table; returns false when it did not exist.</summary>
    public Task<bool> DeleteAsync(CancellationToken cancellationToken = default) =>
        TableServiceClient.DeleteTableAsync(_connection, Name, cancellationToken);

    /// <summary>Inserts a new entity; a duplicate key throws with <see cref="StorageErrorKind.Conflict"/>.</summary>
    public async Task<ETag> AddEntityAsync(TableEntity entity, CancellationToken cancellationToken = default)
    {
        var body = SerializeValidated(entity);
        using var request = CreateRequest(RequestMethod.Post, Name);
        SetJsonBody(request, body);
        return await SendForETagAsync(request, $"Insert entity ({entity.PartitionKey}, {entity.RowKey}) into table {Name}", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Inserts, or merges into / replaces an existing entity, whatever its version.</summary>
    public async Task<ETag> UpsertEntityAsync(TableEntity entity, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default)
    {
        var body = SerializeValidated(entity);
        using var request = CreateRequest(MethodFor(mode), TablePaths.Entity(Name, entity.PartitionKey, entity.RowKey));
        SetJsonBody(request, body);
        return await SendForETagAsync(request, $"Upsert ({mode}) entity ({entity.PartitionKey}, {entity.RowKey}) in table {Name}", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Merges into or replaces an existing entity if its ETag still matches <paramref name="ifMatch"/>
    /// (<see cref="ETag.All"/> for any version). A stale ETag throws with <see cref="StorageErrorKind.PreconditionFailed"/>.
    /// </summary>
    public async Task<ETag> UpdateEntityAsync(TableEntity entity, ETag ifMatch, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default)
    {
        RequireETag(ifMatch, nameof(ifMatch));
        var body = SerializeValidated(entity);
        using var request = CreateRequest(MethodFor(mode), TablePaths.Entity(Name, entity.PartitionKey, entity.RowKey));
        request.Headers.SetValue(StorageHeaders.IfMatch, ifMatch.ToString());
        SetJsonBody(request, body);
        return await SendForETagAsync(request, $"Update ({mode}) entity ({entity.PartitionKey}, {entity.RowKey}) in table {Name}", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Deletes an entity if its ETag matches (null means any version). Returns false when it did not exist;
    /// a stale ETag throws with <see cref="StorageErrorKind.PreconditionFailed"/>.
    /// </summary>
    public async Task<bool> DeleteEntityAsync(string partitionKey, string rowKey, ETag? ifMatch = null, CancellationToken cancellationToken = default)
    {
        TableLimits.ValidateKey(partitionKey, nameof(partitionKey));
        TableLimits.ValidateKey(rowKey, nameof(rowKey));
        var etag = ifMatch ?? ETag.All;
        RequireETag(etag, nameof(ifMatch));
        using var request = CreateRequest(RequestMethod.Delete, TablePaths.Entity(Name, partitionKey, rowKey));
        request.Headers.SetValue(StorageHeaders.IfMatch, etag.ToString());
        using var response = await _connection.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.Status == 404 && !IsTableMissing(response))
        {
            return false;
        }

        ServiceConnection.EnsureSuccess(response, $"Delete entity ({partitionKey}, {rowKey}) from table {Name}");
        return true;
    }

    /// <summary>
    /// Reads one entity; a missing one throws with <see cref="StorageErrorKind.NotFound"/>.
    /// <paramref name="select"/> limits the properties returned (the keys always come back).
    /// </summary>
    public async Task<TableEntity> GetEntityAsync(string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken cancellationToken = default) =>
        await GetEntityCoreAsync(partitionKey, rowKey, select, throwIfMissing: true, cancellationToken).ConfigureAwait(false)
        ?? throw new InvalidOperationException("Unreachable: a missing entity throws.");

    /// <summary>Reads one entity, or null when there is none (a missing table still throws).</summary>
    public Task<TableEntity?> GetEntityIfExistsAsync(string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken cancellationToken = default) =>
        GetEntityCoreAsync(partitionKey, rowKey, select, throwIfMissing: false, cancellationToken);

    private async Task<TableEntity?> GetEntityCoreAsync(string partitionKey, string rowKey, IEnumerable<string>? select, bool throwIfMissing, CancellationToken cancellationToken)
    {
        TableLimits.ValidateKey(partitionKey, nameof(partitionKey));
        TableLimits.ValidateKey(rowKey, nameof(rowKey));
        using var request = CreateRequest(RequestMethod.Get, TablePaths.Entity(Name, partitionKey, rowKey));
        request.Headers.SetValue(StorageHeaders.Accept, StorageHeaders.JsonMinimalMetadata);
        AppendSelect(request, select);
        using var response = await _connection.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.Status == 404 && !throwIfMissing && !IsTableMissing(response))
        {
            return null;
        }

        ServiceConnection.EnsureSuccess(response, $"Get entity ({partitionKey}, {rowKey}) from table {Name}");
        using var doc = System.Text.Json.JsonDocument.Parse(response.Content.ToMemory());
        var entity = TableEntityJsonReader.Read(doc.RootElement);
        if (response.Headers.ETag is { } etag)
        {
            entity.ETag = etag;
        }

        return entity;
    }

    private Request CreateRequest(RequestMethod method, string path)
    {
        var request = _connection.CreateRequest(method, path);
        request.Headers.SetValue(StorageHeaders.DataServiceVersion, "3.0");
        request.Headers.SetValue(StorageHeaders.Accept, StorageHeaders.JsonNoMetadata);
        return request;
    }

    private static void SetJsonBody(Request request, byte[] body)
    {
        request.Headers.SetValue(StorageHeaders.ContentType, StorageHeaders.Json);
        request.Headers.SetValue(StorageHeaders.Prefer, StorageHeaders.ReturnNoContent);
        request.Content = RequestContent.Create(body);
    }

    private async Task<ETag> SendForETagAsync(Request request, string operation, CancellationToken cancellationToken)
    {
        using var response = ServiceConnection.EnsureSuccess(await _connection.SendAsync(request, cancellationToken).ConfigureAwait(false), operation);
        return response.Headers.ETag ?? default;
    }

    private static byte[] SerializeValidated(TableEntity entity)
    {
        TableLimits.ValidateEntity(entity);
        return TableEntityJson.Serialize(entity);
    }

    // The keys are always selected too: an entity without them cannot be updated or told apart.
    private static void AppendSelect(Request request, IEnumerable<string>? select)
    {
        if (select is null)
        {
            return;
        }

        var names = new List<string> { "PartitionKey", "RowKey" };
        foreach (var name in select)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(name, nameof(select));
            if (!names.Contains(name))
            {
                names.Add(name);
            }
        }

        if (names.Count > 2)
        {
            request.Uri.AppendQuery("$select", string.Join(',', names), escapeValue: true);
        }
    }

    private static RequestMethod MethodFor(TableUpdateMode mode) => mode switch
    {
        TableUpdateMode.Merge => Merge,
        TableUpdateMode.Replace => RequestMethod.Put,
        _ => throw new ArgumentOutOfRangeException(nameof(mode)),
    };

    private static void RequireETag(ETag etag, string paramName)
    {
        if (etag == default)
        {
            throw new ArgumentException("An ETag is required; pass ETag.All to match any version.", paramName);
        }
    }

    private static bool IsTableMissing(Response response) =>
        response.Headers.TryGetValue(StorageHeaders.ErrorCode, out var code)
            ? code == "TableNotFound"
            : StorageErrors.ReadBody(response.Content).Code == "TableNotFound";
}
