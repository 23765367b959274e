using FollowUpFlow.Mail;
using FollowUpFlow.Testing.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FollowUpFlow.Benchmarks;

/// <summary>
/// The candidate's mailbox on the local fake Graph (tests/FollowUpFlow.Testing), and the real Graph transport (SDK and
/// all, no retries) pointed at it, as the workflow tests build it. The fake keeps every request it received with its
/// route, and checks each against Graph's documented wire format (<see cref="FakeGraphServer.Violations"/>).
/// </summary>
public sealed class GraphBenchMailbox : IAsyncDisposable
{
    private const string Token = "bench-graph-token";

    private readonly GraphMailClient _client;
    private int _seen;

    private GraphBenchMailbox(FakeGraphServer server, GraphMailClient client, GraphMailTransport transport)
    {
        Server = server;
        _client = client;
        Transport = transport;
    }

    public FakeGraphServer Server { get; }

    public GraphMailTransport Transport { get; }

    public static async Task<GraphBenchMailbox> StartAsync(string address, TimeProvider time)
    {
        var server = await FakeGraphServer.StartAsync(address, Token, time);
        var options = new GraphMailOptions { Mailbox = address, AuthMode = GraphAuthMode.ManagedIdentity, BaseUrl = server.BaseUrl.ToString(), MaxRetries = 0 };
        var client = GraphMailClient.Create(options, new FixedTokenCredential(Token));
        var transport = new GraphMailTransport(client, Options.Create(options), time, NullLogger<GraphMailTransport>.Instance);
        return new GraphBenchMailbox(server, client, transport);
    }

    /// <summary>The Graph requests received since the last call, in the order they came.</summary>
    public IReadOnlyList<FakeGraphRequest> Take()
    {
        var all = Server.Requests;
        var taken = all.Skip(_seen).ToList();
        _seen = all.Count;
        return taken;
    }

    /// <summary>A short label per route for the request traces: what the transport asked Graph to do.</summary>
    public static string Label(FakeGraphRequest request) => request.Route switch
    {
        FakeGraphRoute.ListMailbox => "find",
        FakeGraphRoute.ListDrafts => "find-draft",
        FakeGraphRoute.ListSentItems => "find-sent",
        FakeGraphRoute.CreateMessage => "create",
        FakeGraphRoute.UpdateMessage => "update",
        FakeGraphRoute.SendMessage => "send",
        FakeGraphRoute.DeleteMessage => "delete",
        FakeGraphRoute.GetMessage => "get",
        { } route => route.ToString(),
        null => request.Method + " " + request.Path,
    };

    /// <summary>The request a route stands for (paths under <c>/v1.0/users/{mailbox}/</c>), with its trace label.</summary>
    public static string RouteName(FakeGraphRequest request) => request.Route switch
    {
        FakeGraphRoute.ListMailbox => "GET messages?$filter (find)",
        FakeGraphRoute.ListDrafts => "GET mailFolders/Drafts/messages?$filter (find-draft)",
        FakeGraphRoute.ListSentItems => "GET mailFolders/SentItems/messages?$filter (find-sent)",
        FakeGraphRoute.CreateMessage => "POST messages (create)",
        FakeGraphRoute.UpdateMessage => "PATCH messages/{id} (update)",
        FakeGraphRoute.SendMessage => "POST messages/{id}/send (send)",
        FakeGraphRoute.DeleteMessage => "DELETE messages/{id} (delete)",
        FakeGraphRoute.GetMessage => "GET messages/{id} (get)",
        { } route => route.ToString(),
        null => request.Method + " " + request.Path,
    };

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await Server.DisposeAsync();
    }
}
