using System.Net;
using FollowUpFlow.Testing.Fakes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Graph.Models.ODataErrors;

namespace FollowUpFlow.Mail.Tests.Graph;

/// <summary>The reply-tracking calls through the real SDK against the Graph fake, which checks them as Graph does.</summary>
public sealed class GraphInboxClientTests : IAsyncLifetime
{
    private const string ClientState = "0123456789abcdef0123456789abcdef";
    private GraphFixture _graph = null!;
    private GraphMailClient _client = null!;
    private GraphInboxClient _inbox = null!;

    public async Task InitializeAsync()
    {
        _graph = await GraphFixture.StartAsync();
        var options = _graph.Options();
        _client = GraphMailClient.Create(options, _graph.Credential);
        _inbox = new GraphInboxClient(_client, Microsoft.Extensions.Options.Options.Create(options));
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _graph.DisposeAsync();
    }

    [Fact]
    public async Task Subscribing_sends_graphs_body_and_passes_the_handshake()
    {
        await using var receiver = await Receiver.StartAsync(echo: true);
        var expires = GraphFixture.Now.AddDays(2);

        var created = await _inbox.CreateSubscriptionAsync(receiver.Url, ClientState, expires, CancellationToken.None);

        Assert.Empty(_graph.Server.Violations);
        var subscription = Assert.Single(_graph.Server.Subscriptions);
        Assert.Equal(new GraphSubscriptionInfo(subscription.Id, expires), created);
        Assert.Equal(("created", $"users/{GraphFixture.Mailbox}/mailFolders('Inbox')/messages", ClientState), (subscription.ChangeType, subscription.Resource, subscription.ClientState));
        Assert.Equal(receiver.Url, subscription.NotificationUrl);
        Assert.Equal(receiver.Url, subscription.LifecycleNotificationUrl);
        Assert.Equal(1, receiver.Handshakes);
    }

    [Fact]
    public async Task Graph_refuses_a_subscription_longer_than_4230_minutes()
    {
        await using var receiver = await Receiver.StartAsync(echo: true);

        var error = await Assert.ThrowsAsync<ODataError>(() =>
            _inbox.CreateSubscriptionAsync(receiver.Url, ClientState, GraphFixture.Now.AddMinutes(4_231), CancellationToken.None));

        Assert.Equal(400, error.ResponseStatusCode);
        Assert.Empty(_graph.Server.Subscriptions);
        Assert.Contains(_graph.Server.Violations, v => v.Contains("expirationDateTime", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Graph_refuses_a_subscription_whose_endpoint_does_not_echo_the_token()
    {
        await using var receiver = await Receiver.StartAsync(echo: false);

        var error = await Assert.ThrowsAsync<ODataError>(() =>
            _inbox.CreateSubscriptionAsync(receiver.Url, ClientState, GraphFixture.Now.AddDays(1), CancellationToken.None));

        Assert.Equal("ValidationError", error.Error?.Code);
        Assert.Empty(_graph.Server.Subscriptions);
    }

    [Fact]
    public async Task Renewing_moves_the_expiry_and_says_when_graph_no_longer_has_the_subscription()
    {
        await using var receiver = await Receiver.StartAsync(echo: true);
        var created = await _inbox.CreateSubscriptionAsync(receiver.Url, ClientState, GraphFixture.Now.AddDays(1), CancellationToken.None);

        var renewed = await _inbox.RenewSubscriptionAsync(created.Id, GraphFixture.Now.AddDays(2), CancellationToken.None);
        Assert.Equal(GraphFixture.Now.AddDays(2), renewed);
        Assert.Equal(GraphFixture.Now.AddDays(2), Assert.Single(_graph.Server.Subscriptions).ExpirationDateTime);

        _graph.Server.RemoveSubscription(created.Id);
        Assert.Null(await _inbox.RenewSubscriptionAsync(created.Id, GraphFixture.Now.AddDays(2), CancellationToken.None));
        Assert.Empty(_graph.Server.Violations);
    }

    [Fact]
    public async Task A_conversation_lists_its_messages_only_and_a_message_reads_with_its_sender_and_new_text()
    {
        var reply = _graph.Server.AddIncoming("conv-1", "ana@contoso.example", "Ana Silva", "Re: Thank you", "See you soon.", "<reply-1@contoso.example>");
        _graph.Server.AddIncoming("conv-2", "bob@contoso.example", null, "Other", "Unrelated.");

        var listed = Assert.Single(await _inbox.ListConversationAsync("conv-1", CancellationToken.None));
        var read = await _inbox.GetMessageAsync(reply.Id, CancellationToken.None);

        Assert.Equal(listed, read);
        Assert.Equal(
            new GraphInboxMessage(reply.Id, "conv-1", "<reply-1@contoso.example>", "ana@contoso.example", "Ana Silva", "Re: Thank you", GraphFixture.Now, "See you soon.", false),
            read);
        Assert.Null(await _inbox.GetMessageAsync("AAMkAGI2-gone", CancellationToken.None));
        Assert.Empty(_graph.Server.Violations);
    }

    /// <summary>A notification endpoint on a loopback port: it answers the handshake with the token, or (echo: false) with JSON.</summary>
    private sealed class Receiver : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private int _handshakes;

        private Receiver(WebApplication app) => _app = app;

        public Uri Url { get; private set; } = null!;

        public int Handshakes => _handshakes;

        public static async Task<Receiver> StartAsync(bool echo)
        {
            var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
            builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
            var app = builder.Build();
            var receiver = new Receiver(app);
            app.Run(async context =>
            {
                Interlocked.Increment(ref receiver._handshakes);
                var token = context.Request.Query["validationToken"].ToString();
                context.Response.ContentType = echo ? "text/plain" : "application/json";
                await context.Response.WriteAsync(echo ? token : "{}");
            });
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
            receiver.Url = new Uri(address.TrimEnd('/') + "/api/graph/notifications");
            return receiver;
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
