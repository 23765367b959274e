using System.Buffers;
using System.Text.Json;
using Azure.Core;
using Azure.Core.Pipeline;
using FollowUpFlow.Storage.Pipeline;

namespace FollowUpFlow.Storage.Tables;

/// <summary>The account's Table service: hands out <see cref="TableClient"/>s and creates or deletes tables.</summary>
public sealed class TableServiceClient
{
    private readonly ServiceConnection _connection;

    public TableServiceClient(StorageAccount account, StorageClientOptions? options = null)
        : this(StoragePipeline.Build(account, options ?? new StorageClientOptions(), StorageService.Table), account.TableEndpoint)
    {
    }

    public TableServiceClient(string connectionString, StorageClientOptions? options = null)
        : this(StorageAccount.Parse(connectionString), options)
    {
    }

    internal TableServiceClient(HttpPipeline pipeline, Uri endpoint)
    {
        _connection = new ServiceConnection(pipeline, endpoint);
    }

    public Uri Endpoint => _connection.Endpoint;

    /// <summary>A client for one table (no request is sent; the table may not exist yet).</summary>
    public TableClient GetTableClient(string tableName) => new(_connection, tableName);

    /// <summary>Creates a table; an existing one throws with <see cref="StorageErrorKind.Conflict"/>.</summary>
    public Task CreateTableAsync(string tableName, CancellationToken cancellationToken = default)
    {
        TablePaths.ValidateTableName(tableName);
        return CreateTableAsync(_connection, tableName, ifNotExists: false, cancellationToken);
    }

    /// <summary>Creates a table; returns false when it already existed.</summary>
    public Task<bool> CreateTableIfNotExistsAsync(string tableName, CancellationToken cancellationToken = default)
    {
        TablePaths.ValidateTableName(tableName);
        return CreateTableAsync(_connection, tableName, ifNotExists: true, cancellationToken);
    }

    /// <summary>Deletes a table; returns false when it did not exist.</summary>
    public Task<bool> DeleteTableAsync(string tableName, CancellationToken cancellationToken = default)
    {
        TablePaths.ValidateTableName(tableName);
        return DeleteTableAsync(_connection, tableName, cancellationToken);
    }

    internal static async Task<bool> CreateTableAsync(ServiceConnection connection, string tableName, bool ifNotExists, CancellationToken cancellationToken)
    {
        using var request = connection.CreateRequest(RequestMethod.Post, "Tables");
        request.Headers.SetValue(StorageHeaders.DataServiceVersion, "3.0");
        request.Headers.SetValue(StorageHeaders.Accept, StorageHeaders.JsonNoMetadata);
        request.Headers.SetValue(StorageHeaders.ContentType, StorageHeaders.Json);
        request.Headers.SetValue(StorageHeaders.Prefer, StorageHeaders.ReturnNoContent);
        request.Content = RequestContent.Create(TableNameBody(tableName));
        using var response = await connection.SendAsync(request, cancellationToken).ConfigureAwait(false);

        // Only "already exists" means done; TableBeingDeleted is a conflict the caller must see.
        if (ifNotExists && response.Status == 409 && ErrorCode(response) == "TableAlreadyExists")
        {
            return false;
        }

        ServiceConnection.EnsureSuccess(response, $"Create table {tableName}");
        return true;
    }

    internal static async Task<bool> DeleteTableAsync(ServiceConnection connection, string tableName, CancellationToken cancellationToken)
    {
        using var request = connection.CreateRequest(RequestMethod.Delete, TablePaths.Table(tableName));
        request.Headers.SetValue(StorageHeaders.Accept, StorageHeaders.JsonNoMetadata);
        using var response = await connection.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.Status == 404)
        {
            return false;
        }

        ServiceConnection.EnsureSuccess(response, $"Delete table {tableName}");
        return true;
    }

    private static byte[] TableNameBody(string tableName)
    {
        var buffer = new ArrayBufferWriter<byte>(64);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("TableName", tableName);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static string? ErrorCode(Azure.Response response) =>
        response.Headers.TryGetValue(StorageHeaders.ErrorCode, out var code) ? code : StorageErrors.ReadBody(response.Content).Code;
}
