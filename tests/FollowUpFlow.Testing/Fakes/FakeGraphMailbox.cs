using FollowUpFlow.Mail;
using Microsoft.Extensions.Logging.Abstractions;

namespace FollowUpFlow.Testing.Fakes;

/// <summary>
/// The candidate's mailbox on a local fake Graph, and the real Graph transport (SDK and all, no retries) pointed at it:
/// what the workflow's tests and the benchmarks send through.
/// </summary>
public sealed class FakeGraphMailbox : IAsyncDisposable
{
    public const string Address = "alex@example.com";
    private const string Token = "graph-token";

    private readonly GraphMailClient _client;

    private FakeGraphMailbox(FakeGraphServer server, GraphMailClient client, GraphMailTransport transport)
    {
        Server = server;
        _client = client;
        Transport = transport;
    }

    public FakeGraphServer Server { get; }

    public GraphMailTransport Transport { get; }

    public static async Task<FakeGraphMailbox> StartAsync(TimeProvider time, string address = Address)
    {
        var server = await FakeGraphServer.StartAsync(address, Token, time);
        var options = new GraphMailOptions { Mailbox = address, AuthMode = GraphAuthMode.ManagedIdentity, BaseUrl = server.BaseUrl.ToString(), MaxRetries = 0 };
        var client = GraphMailClient.Create(options, new FixedTokenCredential(Token));
        var transport = new GraphMailTransport(client, Microsoft.Extensions.Options.Options.Create(options), time, NullLogger<GraphMailTransport>.Instance);
        return new FakeGraphMailbox(server, client, transport);
    }

    /// <summary>Sends a message of the mailbox as the candidate would from Outlook: Graph's own /send of that message.</summary>
    public async Task SendFromOutlookAsync(string graphId)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{Server.BaseUrl}/users/{Server.Mailbox}/messages/{Uri.EscapeDataString(graphId)}/send");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Token);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await Server.DisposeAsync();
    }
}
