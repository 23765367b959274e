using Azure.Core;
using FollowUpFlow.Core.Model;
using FollowUpFlow.Core.Workflow;
using FollowUpFlow.Mail;
using FollowUpFlow.Storage;
using FollowUpFlow.Storage.Queues;
using FollowUpFlow.Storage.Tables;
using FollowUpFlow.Workflow;
using FollowUpFlow.Workflow.Configuration;
using FollowUpFlow.Workflow.Effects;
using FollowUpFlow.Workflow.Persistence;
using FollowUpFlow.Workflow.Scheduling;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FollowUpFlow.Benchmarks;

/// <summary>What the counted clients sent since the last <see cref="BenchEnvironment.Take"/>.</summary>
public sealed record RequestSample(
    long Total,
    IReadOnlyDictionary<string, long> ByMethod,
    IReadOnlyDictionary<string, long> ByKind,
    long InterviewBatchActions,
    long DueBatchActions,
    long Calls)
{
    /// <summary>Attempts beyond the first (PerRetry count minus PerCall count): zero when nothing was retried.</summary>
    public long Retries => Total - Calls;

    public long Method(string method) => ByMethod.TryGetValue(method, out var n) ? n : 0;

    public long Kind(string kind) => ByKind.TryGetValue(kind, out var n) ? n : 0;
}

/// <summary>
/// The real shell (engine, scheduler, store, due index, effect executor, and a file outbox or, with <c>--graph</c>, the
/// Graph transport on a local fake Graph) over uniquely named tables and queue that are deleted at the end. Every request the workflow sends passes a <see cref="RequestCountingPolicy"/>
/// and a <see cref="RequestLog"/>, both at PerRetry, so a retried request counts twice. The benchmark's own checks
/// (history, due rows, files) read through separate, uncounted clients.
/// </summary>
public sealed class BenchEnvironment : IAsyncDisposable
{
    public const string UserId = "default";

    private readonly TableClient _interviews;
    private readonly TableClient _due;
    private readonly QueueClient _queue;
    private readonly TableClient _probeInterviews;
    private readonly TableClient _probeDue;

    /// <summary>Logical operations (PerCall), only to show how many of the counted requests were retries.</summary>
    private readonly RequestCountingPolicy _calls = new();

    private BenchEnvironment(string connectionString, WorkflowSettings settings, SettableTimeProvider time, GraphBenchMailbox? graph)
    {
        var suffix = Guid.NewGuid().ToString("N")[..12];
        var interviewsName = "BenchInterviews" + suffix;
        var dueName = "BenchDue" + suffix;
        var queueName = "bench-research-" + suffix;

        Counter = new RequestCountingPolicy();
        Log = new RequestLog(interviewsName, dueName, queueName);
        var counted = new StorageClientOptions();
        counted.AddPolicy(_calls, HttpPipelinePosition.PerCall);
        counted.AddPolicy(Counter, HttpPipelinePosition.PerRetry);
        counted.AddPolicy(Log, HttpPipelinePosition.PerRetry);

        var account = StorageAccount.Parse(connectionString);
        var tables = new TableServiceClient(account, counted);
        _interviews = tables.GetTableClient(interviewsName);
        _due = tables.GetTableClient(dueName);
        _queue = new QueueServiceClient(account, counted).GetQueueClient(queueName);

        var probeTables = new TableServiceClient(account, new StorageClientOptions());
        _probeInterviews = probeTables.GetTableClient(interviewsName);
        _probeDue = probeTables.GetTableClient(dueName);
        ProbeQueue = new QueueServiceClient(account, new StorageClientOptions()).GetQueueClient(queueName);
        ProbeStore = new InterviewStore(_probeInterviews);

        Time = time;
        Graph = graph;
        OutboxFolder = Path.Combine(Path.GetTempPath(), "followupflow-bench", suffix);
        var options = Options.Create(new WorkflowOptions());
        IMailTransport transport = graph is not null
            ? graph.Transport
            : new FileOutboxTransport(Options.Create(new FileOutboxOptions { Folder = OutboxFolder }), Time, NullLogger<FileOutboxTransport>.Instance);
        var store = new InterviewStore(_interviews);
        var executor = new EffectExecutor(transport, _queue, store, Time, NullLogger<EffectExecutor>.Instance);
        var dueIndex = new DueIndex(_due);
        Engine = new WorkflowEngine(store, dueIndex, executor, settings, Time, options, NullLogger<WorkflowEngine>.Instance);
        Scheduler = new Scheduler(dueIndex, Engine, Time, options, NullLogger<Scheduler>.Instance);
    }

    public RequestCountingPolicy Counter { get; }

    public RequestLog Log { get; }

    public SettableTimeProvider Time { get; }

    public WorkflowEngine Engine { get; }

    public Scheduler Scheduler { get; }

    /// <summary>Reads for the benchmark's own checks; not counted.</summary>
    public InterviewStore ProbeStore { get; }

    public QueueClient ProbeQueue { get; }

    public string OutboxFolder { get; }

    /// <summary>The fake Graph mailbox the workflow sends through; null with the file outbox.</summary>
    public GraphBenchMailbox? Graph { get; }

    /// <summary>Creates the tables and queue (uncounted: the counters start at zero), and with <paramref name="graph"/> starts the fake Graph.</summary>
    public static async Task<BenchEnvironment> CreateAsync(string connectionString, WorkflowSettings settings, DateTimeOffset start, bool graph = false)
    {
        var time = new SettableTimeProvider(start);
        var mailbox = graph ? await GraphBenchMailbox.StartAsync(settings.Candidate.Email, time) : null;
        var environment = new BenchEnvironment(connectionString, settings, time, mailbox);
        await environment._interviews.CreateIfNotExistsAsync();
        await environment._due.CreateIfNotExistsAsync();
        await environment._queue.CreateIfNotExistsAsync();
        environment.Take();
        return environment;
    }

    /// <summary>The requests counted since the last call, then zero again.</summary>
    public RequestSample Take()
    {
        var sample = new RequestSample(Counter.Total, Counter.ByMethod, Log.ByKind, Log.InterviewBatchActions, Log.DueBatchActions, _calls.Total);
        var classified = sample.ByKind.Values.Sum();
        if (classified != sample.Total)
        {
            throw new InvalidOperationException($"The request log saw {classified} requests but the counter {sample.Total}.");
        }

        Counter.Reset();
        Log.Reset();
        _calls.Reset();
        return sample;
    }

    /// <summary>"`.eml` files" for the file outbox, "sent (Graph)" for the fake mailbox's Sent Items.</summary>
    public string SentLabel => Graph is null ? ".eml files" : "Sent (Graph)";

    /// <summary>The messages the workflow sent so far: the outbox's <c>.eml</c> files, or what the fake Graph has in Sent Items.</summary>
    public IReadOnlyList<SentMessage> SentMessages() =>
        Graph is not null
            ? Graph.Server.SentItems.Select(m => new SentMessage(m.InternetMessageId, m.Subject ?? "(no subject)")).ToList()
            : EmlFiles().Select(path => new SentMessage(path, EmlSubject(path))).ToList();

    public int SentCount() => SentMessages().Count;

    private List<string> EmlFiles() =>
        Directory.Exists(OutboxFolder) ? Directory.GetFiles(OutboxFolder, "*.eml").Order(StringComparer.Ordinal).ToList() : [];

    private static string EmlSubject(string path) =>
        File.ReadLines(path).FirstOrDefault(l => l.StartsWith("Subject: ", StringComparison.Ordinal))?["Subject: ".Length..] ?? "(no subject)";

    public async Task<int> DueRowCountAsync()
    {
        var count = 0;
        await foreach (var _ in _probeDue.QueryAsync(null, ["RowKey"]))
        {
            count++;
        }

        return count;
    }

    public async Task<InterviewRecord> RecordAsync(string interviewId) =>
        await ProbeStore.GetAsync(UserId, interviewId, CancellationToken.None)
        ?? throw new InvalidOperationException($"Interview {interviewId} is not stored.");

    public async ValueTask DisposeAsync()
    {
        await _probeInterviews.DeleteAsync();
        await _probeDue.DeleteAsync();
        await ProbeQueue.DeleteAsync();
        if (Directory.Exists(OutboxFolder))
        {
            Directory.Delete(OutboxFolder, recursive: true);
        }

        if (Graph is not null)
        {
            await Graph.DisposeAsync();
        }
    }
}

/// <summary>A message the workflow sent: <see cref="Key"/> is the file's path or the message's internetMessageId.</summary>
public sealed record SentMessage(string Key, string Subject);
