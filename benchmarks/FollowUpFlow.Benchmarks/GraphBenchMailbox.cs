using FollowUpFlow.Mail;
using FollowUpFlow.Testing.Fakes;

namespace FollowUpFlow.Benchmarks;

/// <summary>
/// The candidate's mailbox on the local fake Graph, with the real Graph transport pointed at it (<see cref="FakeGraphMailbox"/>,
/// as the workflow tests use it), and the bench's view of the requests: the fake keeps every request it received with
/// its route, and checks each against Graph's documented wire format (<see cref="FakeGraphServer.Violations"/>).
/// </summary>
public sealed class GraphBenchMailbox : IAsyncDisposable
{
    private readonly FakeGraphMailbox _mailbox;
    private int _seen;

    private GraphBenchMailbox(FakeGraphMailbox mailbox)
    {
        _mailbox = mailbox;
    }

    public FakeGraphServer Server => _mailbox.Server;

    public GraphMailTransport Transport => _mailbox.Transport;

    public static async Task<GraphBenchMailbox> StartAsync(string address, TimeProvider time) =>
        new(await FakeGraphMailbox.StartAsync(time, address));

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
    public static string RouteName(FakeGraphRequest request)
    {
        var path = request.Route switch
        {
            FakeGraphRoute.ListMailbox => "GET messages?$filter",
            FakeGraphRoute.ListDrafts => "GET mailFolders/Drafts/messages?$filter",
            FakeGraphRoute.ListSentItems => "GET mailFolders/SentItems/messages?$filter",
            FakeGraphRoute.CreateMessage => "POST messages",
            FakeGraphRoute.UpdateMessage => "PATCH messages/{id}",
            FakeGraphRoute.SendMessage => "POST messages/{id}/send",
            FakeGraphRoute.DeleteMessage => "DELETE messages/{id}",
            FakeGraphRoute.GetMessage => "GET messages/{id}",
            _ => null,
        };
        return path is null ? Label(request) : $"{path} ({Label(request)})";
    }

    public ValueTask DisposeAsync() => _mailbox.DisposeAsync();
}
