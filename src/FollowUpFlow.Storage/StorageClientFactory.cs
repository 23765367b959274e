using FollowUpFlow.Storage.Queues;
using FollowUpFlow.Storage.Tables;

namespace FollowUpFlow.Storage;

/// <summary>
/// Builds the Table and Queue service clients for one account, each with one shared pipeline.
/// Register it as a singleton: clients are thread-safe and cheap to hand out.
/// </summary>
public sealed class StorageClientFactory
{
    private readonly Lazy<TableServiceClient> _tables;
    private readonly Lazy<QueueServiceClient> _queues;

    /// <param name="options">Read when a service client is first built: add policies before that.</param>
    public StorageClientFactory(StorageAccount account, StorageClientOptions? options = null)
    {
        Account = account ?? throw new ArgumentNullException(nameof(account));
        var opts = options ?? new StorageClientOptions();
        _tables = new Lazy<TableServiceClient>(() => new TableServiceClient(account, opts));
        _queues = new Lazy<QueueServiceClient>(() => new QueueServiceClient(account, opts));
    }

    public StorageAccount Account { get; }

    public TableServiceClient TableService => _tables.Value;

    public QueueServiceClient QueueService => _queues.Value;

    public static StorageClientFactory FromConnectionString(string connectionString, StorageClientOptions? options = null) =>
        new(StorageAccount.Parse(connectionString), options);

    public TableClient GetTableClient(string tableName) => TableService.GetTableClient(tableName);

    public QueueClient GetQueueClient(string queueName) => QueueService.GetQueueClient(queueName);
}
