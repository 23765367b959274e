using FollowUpFlow.Mail.Tests.Support;
using FollowUpFlow.Testing.Fakes;
using Microsoft.Extensions.Options;

namespace FollowUpFlow.Mail.Tests.Graph;

/// <summary>One fake Graph and a real SDK client pointed at it, per test.</summary>
internal sealed class GraphFixture : IAsyncDisposable
{
    public const string Mailbox = "alex@contoso.example";

    // Whole seconds: Graph's timestamps have no fractions.
    public static readonly DateTimeOffset Now = new(2025, 3, 7, 10, 0, 0, TimeSpan.Zero);

    private readonly List<GraphMailClient> _clients = [];

    private GraphFixture(FakeGraphServer server)
    {
        Server = server;
    }

    public FakeGraphServer Server { get; }

    public ManualTimeProvider Time { get; } = new(Now);

    public FixedTokenCredential Credential { get; } = new("fake-graph-token");

    public ListLogger<GraphMailTransport> Logger { get; } = new();

    public static async Task<GraphFixture> StartAsync() =>
        new(await FakeGraphServer.StartAsync(Mailbox, "fake-graph-token", new ManualTimeProvider(Now)));

    public GraphMailOptions Options(Action<GraphMailOptions>? change = null)
    {
        var options = new GraphMailOptions
        {
            Mailbox = Mailbox,
            AuthMode = GraphAuthMode.ManagedIdentity,
            BaseUrl = Server.BaseUrl.ToString(),
            MaxRetries = 2,
            RequestTimeout = TimeSpan.FromSeconds(30),
        };
        change?.Invoke(options);
        return options;
    }

    /// <summary>A transport as production builds it, except for the credential.</summary>
    public GraphMailTransport Transport(Action<GraphMailOptions>? change = null)
    {
        var options = Options(change);
        var client = GraphMailClient.Create(options, Credential);
        _clients.Add(client);
        return new GraphMailTransport(client, Microsoft.Extensions.Options.Options.Create(options), Time, Logger);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        await Server.DisposeAsync();
    }
}
