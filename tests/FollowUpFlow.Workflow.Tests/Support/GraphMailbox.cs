using FollowUpFlow.Mail;
using FollowUpFlow.Testing.Fakes;
using Microsoft.Extensions.Logging.Abstractions;

namespace FollowUpFlow.Workflow.Tests.Support;

/// <summary>The candidate's mailbox on a local fake Graph, and the real Graph transport (SDK and all) pointed at it.</summary>
internal sealed class GraphMailbox : IAsyncDisposable
{
    public const string Address = "alex@example.com";
    private const string Token = "graph-token";

    private readonly GraphMailClient _client;

    private GraphMailbox(FakeGraphServer server, GraphMailClient client, GraphMailTransport transport)
    {
        Server = server;
        _client = client;
        Transport = transport;
    }

    public FakeGraphServer Server { get; }

    public GraphMailTransport Transport { get; }

    public static async Task<GraphMailbox> StartAsync(TimeProvider time)
    {
        var server = await FakeGraphServer.StartAsync(Address, Token, time);
        var options = new GraphMailOptions { Mailbox = Address, AuthMode = GraphAuthMode.ManagedIdentity, BaseUrl = server.BaseUrl.ToString(), MaxRetries = 0 };
        var client = GraphMailClient.Create(options, new FixedTokenCredential(Token));
        var transport = new GraphMailTransport(client, Microsoft.Extensions.Options.Options.Create(options), time, NullLogger<GraphMailTransport>.Instance);
        return new GraphMailbox(server, client, transport);
    }

    /// <summary>Sends a message of the mailbox as the candidate would from Outlook: Graph's own /send of that message.</summary>
    public async Task SendFromOutlookAsync(string graphId)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{Server.BaseUrl}/users/{Address}/messages/{Uri.EscapeDataString(graphId)}/send");
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
