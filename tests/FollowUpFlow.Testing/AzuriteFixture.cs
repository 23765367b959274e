using System.Collections.Concurrent;
using FollowUpFlow.Storage;
using FollowUpFlow.Storage.Queues;
using FollowUpFlow.Storage.Tables;
using Xunit;

namespace FollowUpFlow.Testing;

/// <summary>
/// Storage for integration tests: the connection string in FOLLOWUPFLOW_TEST_STORAGE if set, otherwise an
/// Azurite this fixture starts (and kills on dispose). Use it as a collection fixture shared by every test class
/// of an assembly: declare <c>[CollectionDefinition(AzuriteFixture.CollectionName)] class X : ICollectionFixture&lt;AzuriteFixture&gt;;</c>
/// in the test assembly (xunit looks for collection definitions there) and mark classes <c>[Collection(AzuriteFixture.CollectionName)]</c>.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    public const string CollectionName = "Azurite";
    public const string ConnectionStringVariable = "FOLLOWUPFLOW_TEST_STORAGE";

    private readonly ConcurrentBag<string> _tables = [];
    private readonly ConcurrentBag<string> _queues = [];
    private AzuriteProcess? _azurite;
    private string? _connectionString;

    public string ConnectionString => _connectionString ?? throw new InvalidOperationException("The fixture has not been initialized.");

    /// <summary>True when the tests use an externally provided account rather than their own Azurite.</summary>
    public bool IsExternal => _azurite is null;

    public StorageAccount Account => StorageAccount.Parse(ConnectionString);

    /// <summary>A valid, unique table name (letters and digits, starting with a letter).</summary>
    public static string UniqueTableName(string prefix = "t") => prefix + Guid.NewGuid().ToString("N");

    /// <summary>A valid, unique queue name (lower-case letters and digits).</summary>
    public static string UniqueQueueName(string prefix = "q") => prefix + Guid.NewGuid().ToString("N");

    public async Task InitializeAsync()
    {
        var external = Environment.GetEnvironmentVariable(ConnectionStringVariable);
        if (!string.IsNullOrWhiteSpace(external))
        {
            _connectionString = external;
            return;
        }

        _azurite = await AzuriteProcess.StartAsync().ConfigureAwait(false);
        _connectionString = _azurite.ConnectionString;
    }

    public StorageClientFactory CreateFactory(StorageClientOptions? options = null) => new(Account, options);

    /// <summary>Creates a fresh, uniquely named table for one test.</summary>
    public async Task<TableClient> CreateTableAsync(StorageClientOptions? options = null, CancellationToken cancellationToken = default)
    {
        var table = CreateFactory(options).GetTableClient(UniqueTableName());
        await table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        _tables.Add(table.Name);
        return table;
    }

    /// <summary>Creates a fresh, uniquely named queue for one test.</summary>
    public async Task<QueueClient> CreateQueueAsync(StorageClientOptions? options = null, CancellationToken cancellationToken = default)
    {
        var queue = CreateFactory(options).GetQueueClient(UniqueQueueName());
        await queue.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        _queues.Add(queue.Name);
        return queue;
    }

    public async Task DisposeAsync()
    {
        if (_azurite is not null)
        {
            // In-memory Azurite forgets everything when it stops.
            _azurite.Dispose();
            return;
        }

        if (_connectionString is null)
        {
            return;
        }

        // An external account keeps what tests made, so tidy up (best effort).
        var factory = CreateFactory();
        foreach (var name in _tables)
        {
            await IgnoreFailure(() => factory.GetTableClient(name).DeleteAsync()).ConfigureAwait(false);
        }

        foreach (var name in _queues)
        {
            await IgnoreFailure(() => factory.GetQueueClient(name).DeleteAsync()).ConfigureAwait(false);
        }
    }

    private static async Task IgnoreFailure(Func<Task> action)
    {
        try
        {
            await action().ConfigureAwait(false);
        }
        catch (Azure.RequestFailedException)
        {
        }
    }
}
