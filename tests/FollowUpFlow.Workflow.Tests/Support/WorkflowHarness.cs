using FollowUpFlow.Workflow.Approvals;
using System.Collections.Immutable;
using FollowUpFlow.Core.Model;
using FollowUpFlow.Core.Workflow;
using FollowUpFlow.Mail;
using FollowUpFlow.Storage;
using FollowUpFlow.Storage.Queues;
using FollowUpFlow.Storage.Tables;
using FollowUpFlow.Testing;
using FollowUpFlow.Workflow.Configuration;
using FollowUpFlow.Workflow.Effects;
using FollowUpFlow.Workflow.Persistence;
using FollowUpFlow.Workflow.Scheduling;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FollowUpFlow.Workflow.Tests.Support;

/// <summary>
/// The real shell on Azurite: its own tables, queue and outbox folder per test, a manual clock, and a counting
/// policy on the storage pipeline. <see cref="NewEngine"/> builds another worker over the same storage, as a
/// second process (or the same one after a restart) would.
/// </summary>
public sealed class WorkflowHarness : IAsyncDisposable
{
    public const string UserId = "default";

    private WorkflowHarness(AzuriteFixture azurite, WorkflowSettings settings, Azure.Core.Pipeline.HttpPipelinePolicy? faults)
    {
        Counter = new RequestCountingPolicy();
        var options = new StorageClientOptions();
        options.AddPolicy(Counter, Azure.Core.HttpPipelinePosition.PerCall);
        if (faults is not null)
        {
            // After the retry policy, so a fault it injects is retried like a real network failure.
            options.AddPolicy(faults, Azure.Core.HttpPipelinePosition.PerRetry);
        }

        var account = StorageAccount.Parse(azurite.ConnectionString);
        var suffix = Guid.NewGuid().ToString("N")[..12];
        var tables = new TableServiceClient(account, options);
        Interviews = tables.GetTableClient("Interviews" + suffix);
        Due = tables.GetTableClient("Due" + suffix);
        Queue = new QueueServiceClient(account, options).GetQueueClient("research-" + suffix);
        OutboxFolder = Path.Combine(Path.GetTempPath(), "followupflow-tests", suffix);
        Settings = settings;
    }

    public RequestCountingPolicy Counter { get; }

    public ManualTimeProvider Time { get; } = new(new DateTimeOffset(2026, 12, 8, 12, 0, 0, TimeSpan.Zero));

    public TableClient Interviews { get; }

    public TableClient Due { get; }

    public QueueClient Queue { get; }

    public string OutboxFolder { get; }

    public WorkflowSettings Settings { get; }

    public WorkflowOptions Options { get; } = new() { EffectLease = TimeSpan.FromMinutes(2), CommitGrace = TimeSpan.FromMinutes(2) };

    public InterviewStore Store => new(Interviews);

    public DueIndex DueIndex => new(Due);

    public static async Task<WorkflowHarness> CreateAsync(AzuriteFixture azurite, Func<WorkflowSettings, WorkflowSettings>? configure = null, Azure.Core.Pipeline.HttpPipelinePolicy? faults = null)
    {
        var settings = new WorkflowSettings
        {
            Candidate = new CandidateProfile("Alex Morgan", "alex@example.com", "Alex", "Europe/London"),
            ThankYouDelay = TimeSpan.Zero,
        };
        var harness = new WorkflowHarness(azurite, configure?.Invoke(settings) ?? settings, faults);
        await harness.Interviews.CreateIfNotExistsAsync();
        await harness.Due.CreateIfNotExistsAsync();
        await harness.Queue.CreateIfNotExistsAsync();
        return harness;
    }

    /// <summary>A file outbox over this test's folder.</summary>
    public FileOutboxTransport NewFileOutbox() =>
        new(Microsoft.Extensions.Options.Options.Create(new FileOutboxOptions { Folder = OutboxFolder }), Time, NullLogger<FileOutboxTransport>.Instance);

    /// <summary>
    /// A worker: engine and scheduler over this storage, sending through <paramref name="transport"/> (the file outbox
    /// by default). <paramref name="process"/> stands for the worker process's life: cancelling it is the process dying.
    /// </summary>
    public (WorkflowEngine Engine, Scheduler Scheduler) NewEngine(IMailTransport? transport = null, CancellationTokenSource? process = null, ApprovalDigests? digests = null)
    {
        var options = Microsoft.Extensions.Options.Options.Create(Options);
        var executor = new EffectExecutor(transport ?? NewFileOutbox(), Queue, Store, Time, NullLogger<EffectExecutor>.Instance, digests);
        var lifetime = new ProcessLifetime(process?.Token ?? CancellationToken.None);
        var engine = new WorkflowEngine(Store, DueIndex, executor, Settings, Time, options, NullLogger<WorkflowEngine>.Instance, lifetime);
        return (engine, new Scheduler(DueIndex, engine, Time, options, NullLogger<Scheduler>.Instance));
    }

    public string[] SentFiles() =>
        Directory.Exists(OutboxFolder) ? Directory.GetFiles(OutboxFolder, "*.eml").Order(StringComparer.Ordinal).ToArray() : [];

    public static InterviewDetails Details(DateTimeOffset start, params Person[] interviewers) => new(
        "Contoso",
        "Senior Engineer",
        start,
        start.AddHours(1),
        "Europe/London",
        [.. interviewers],
        new Person("Riley Recruiter", "riley@contoso.example"));

    private sealed class ProcessLifetime(CancellationToken stopping) : Microsoft.Extensions.Hosting.IHostApplicationLifetime
    {
        public CancellationToken ApplicationStarted => CancellationToken.None;

        public CancellationToken ApplicationStopping => stopping;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication()
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Interviews.DeleteAsync();
        await Due.DeleteAsync();
        await Queue.DeleteAsync();
        if (Directory.Exists(OutboxFolder))
        {
            Directory.Delete(OutboxFolder, recursive: true);
        }
    }
}
