using FollowUpFlow.Mail;
using FollowUpFlow.Storage;
using FollowUpFlow.Storage.Tables;
using FollowUpFlow.Testing;
using FollowUpFlow.Workflow.Configuration;
using FollowUpFlow.Workflow.Inbound;
using FollowUpFlow.Workflow.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using OptionsFactory = Microsoft.Extensions.Options.Options;

namespace FollowUpFlow.Workflow.Tests.Inbound.Support;

/// <summary>The inbound side over a <see cref="WorkflowHarness"/>: its own inbound table, a scripted parser, the real processor.</summary>
public sealed class InboundHarness : IAsyncDisposable
{
    public const string UserId = WorkflowHarness.UserId;

    private InboundHarness(WorkflowHarness workflow, TableClient table, InboundOptions options, ReplyAddresses? replyAddresses)
    {
        Workflow = workflow;
        Table = table;
        var (engine, _) = workflow.NewEngine();
        Engine = engine;
        var candidate = OptionsFactory.Create(new CandidateOptions { Name = "Alex Morgan", Email = "alex@example.com", TimeZone = "Europe/London" });
        var router = new InboundRouter(engine, workflow.Store, Index, new InterviewMatcher(workflow.Store, Index), new ReplyAddressMatcher(workflow.Store, replyAddresses));
        Processor = new InboundProcessor(Store, router, Parser, candidate, OptionsFactory.Create(options), workflow.Time, NullLogger<InboundProcessor>.Instance);
        Reviews = new InboundReviews(Store, Index, engine, workflow.Time);
    }

    public WorkflowHarness Workflow { get; }

    public TableClient Table { get; }

    public InboundStore Store => new(Table);

    public InboundIndex Index => new(Table);

    public ScriptedParser Parser { get; } = new();

    public WorkflowEngine Engine { get; }

    public InboundProcessor Processor { get; }

    public InboundReviews Reviews { get; }

    /// <param name="replyAddresses">The reply addresses SendGrid sends with, when the test is about replies to them.</param>
    public static async Task<InboundHarness> CreateAsync(AzuriteFixture azurite, InboundOptions? options = null, ReplyAddresses? replyAddresses = null)
    {
        var workflow = await WorkflowHarness.CreateAsync(azurite);
        var table = new TableServiceClient(StorageAccount.Parse(azurite.ConnectionString)).GetTableClient(AzuriteFixture.UniqueTableName("inbound"));
        await table.CreateIfNotExistsAsync();
        return new InboundHarness(workflow, table, options ?? new InboundOptions(), replyAddresses);
    }

    /// <summary>Registers the message with the parser and processes its bytes as a raw post.</summary>
    public async Task<InboundResult> ReceiveAsync(string raw, FollowUpFlow.Inbound.ParsedEmail email) =>
        await Processor.ProcessAsync(UserId, Parser.Register(raw, email), InboundSource.Raw, CancellationToken.None);

    public async Task<int> HistoryCountAsync(string interviewId) => (await Workflow.RecordAsync(interviewId)).HistoryCount;

    public async Task<IReadOnlyList<ReviewItem>> ReviewAsync() => await Store.ListReviewAsync(UserId, 100, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await Table.DeleteAsync();
        await Workflow.DisposeAsync();
    }
}
