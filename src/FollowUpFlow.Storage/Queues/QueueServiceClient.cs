using Azure.Core.Pipeline;
using FollowUpFlow.Storage.Pipeline;

namespace FollowUpFlow.Storage.Queues;

/// <summary>The account's Queue service: hands out <see cref="QueueClient"/>s sharing one pipeline.</summary>
public sealed class QueueServiceClient
{
    private readonly ServiceConnection _connection;

    public QueueServiceClient(StorageAccount account, StorageClientOptions? options = null)
        : this(StoragePipeline.Build(account, options ?? new StorageClientOptions(), StorageService.Queue), account.QueueEndpoint)
    {
    }

    public QueueServiceClient(string connectionString, StorageClientOptions? options = null)
        : this(StorageAccount.Parse(connectionString), options)
    {
    }

    internal QueueServiceClient(HttpPipeline pipeline, Uri endpoint)
    {
        _connection = new ServiceConnection(pipeline, endpoint);
    }

    public Uri Endpoint => _connection.Endpoint;

    /// <summary>A client for one queue (no request is sent; the queue may not exist yet).</summary>
    public QueueClient GetQueueClient(string queueName) => new(_connection, queueName);
}
