using System.Net;
using System.Text;
using FollowUpFlow.App.Tests.Support;
using FollowUpFlow.Mail;
using FollowUpFlow.Testing;
using FollowUpFlow.Testing.Fakes;
using FollowUpFlow.Workflow.Inbound;
using FollowUpFlow.Workflow.Persistence;
using FollowUpFlow.Workflow.Replies;
using FollowUpFlow.Workflow.Scheduling;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace FollowUpFlow.App.Tests;

/// <summary>
/// Replies to mail sent through Graph, end to end: the real app on Azurite, the real Graph SDK against the local Graph
/// fake, which validates the notification URL with Graph's handshake and posts Graph's notifications to the app.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class GraphReplyTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Mailbox = "alex@example.com";
    private const string NotificationUrl = "http://localhost/api/graph/notifications";
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2026, 12, 8, 12, 0, 0, TimeSpan.Zero));
    private readonly AppStorage _storage = new();
    private FakeGraphServer _graph = null!;
    private AppFactory _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _graph = await FakeGraphServer.StartAsync(Mailbox, "graph-token", _time);
        _app = new AppFactory(azurite, _storage, _time,
            [
                new("FollowUpFlow:Mail:Transport", "Graph"),
                new("FollowUpFlow:Mail:Graph:Mailbox", Mailbox),
                new("FollowUpFlow:Mail:Graph:AuthMode", "ClientSecret"),
                new("FollowUpFlow:Mail:Graph:TenantId", "00000000-0000-0000-0000-000000000001"),
                new("FollowUpFlow:Mail:Graph:ClientId", "00000000-0000-0000-0000-000000000002"),
                new("FollowUpFlow:Mail:Graph:ClientSecret", "not-used-by-the-fake"),
                new("FollowUpFlow:Mail:Graph:BaseUrl", _graph.BaseUrl.ToString()),
                new("FollowUpFlow:Mail:Graph:Replies:NotificationUrl", NotificationUrl),
                new("FollowUpFlow:Mail:Graph:Replies:SubscriptionLifetime", "2.00:00:00"),
                new("FollowUpFlow:Mail:Graph:Replies:RenewBefore", "12:00:00"),
                new("FollowUpFlow:Mail:Graph:Replies:ConversationCheckInterval", "00:30:00"),
            ],
            services =>
            {
                services.RemoveAll<GraphMailClient>();
                services.AddSingleton(provider => GraphMailClient.Create(provider.GetRequiredService<IOptions<GraphMailOptions>>().Value, new FixedTokenCredential("graph-token")));
            });
        _client = _app.CreateClient();

        // Graph's posts reach the in-process app through the test server's own client.
        _graph.NotificationClient = _app.CreateClient();
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _graph.DisposeAsync();
        _storage.Dispose();
    }

    [Fact]
    public async Task The_handshake_answers_the_token_url_decoded_as_text_plain()
    {
        using var response = await _client.PostAsync("/api/graph/notifications?validationToken=Validation%3A%20Testing%20client%20%2B%20more", new StringContent("", Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Validation: Testing client + more", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Under_the_functions_host_graph_reaches_the_endpoint_without_signing_in_and_its_client_state_decides()
    {
        await TickAsync();
        await using var functions = _app.WithWebHostBuilder(b => b.UseSetting("FUNCTIONS_CUSTOMHANDLER_PORT", "43210"));
        var client = functions.CreateClient();

        using var handshake = await client.PostAsync("/api/graph/notifications?validationToken=abc", new StringContent("", Encoding.UTF8, "text/plain"));
        using var forged = await client.PostAsync("/api/graph/notifications", new StringContent(
            """{"value":[{"subscriptionId":"x","clientState":"guess","changeType":"created","resource":"Users/x/Messages/y","resourceData":{"id":"y"}}]}""",
            Encoding.UTF8,
            "application/json"));

        Assert.Equal((HttpStatusCode.OK, "abc"), (handshake.StatusCode, await handshake.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Empty(_graph.RequestsTo(FakeGraphRoute.GetMessage));
    }

    [Fact]
    public async Task The_tick_subscribes_to_the_inbox_after_graphs_handshake()
    {
        await TickAsync();

        var subscription = Assert.Single(_graph.Subscriptions);
        Assert.Empty(_graph.Violations);
        Assert.Equal("created", subscription.ChangeType);
        Assert.Equal($"users/{Mailbox}/mailFolders('Inbox')/messages", subscription.Resource);
        Assert.Equal(NotificationUrl, subscription.NotificationUrl.AbsoluteUri);
        Assert.Equal(NotificationUrl, subscription.LifecycleNotificationUrl?.AbsoluteUri);
        Assert.Equal(_time.GetUtcNow().AddDays(2), subscription.ExpirationDateTime);
        Assert.InRange(subscription.ClientState!.Length, 32, 128);
        var handshake = Assert.Single(_graph.NotificationAnswers);
        Assert.Equal(("handshake", HttpStatusCode.OK, "text/plain"), (handshake.Kind, handshake.Status, handshake.ContentType));

        // A second tick within the lifetime changes nothing.
        await TickAsync();
        Assert.Single(_graph.RequestsTo(FakeGraphRoute.CreateSubscription));
        Assert.Empty(_graph.RequestsTo(FakeGraphRoute.RenewSubscription));
    }

    [Fact]
    public async Task A_reply_in_the_drafts_conversation_is_recorded_once_however_often_it_is_notified()
    {
        var (interviewId, conversationId) = await SendThankYouAsync();
        await TickAsync();

        var (message, answers) = await _graph.DeliverReplyAsync(conversationId, "ana@contoso.example", "Ana Silva", "Re: Thank you", "Lovely to meet you too.");
        Assert.Equal([HttpStatusCode.Accepted], answers);
        await IdleAsync();
        Assert.Equal([HttpStatusCode.Accepted], await _graph.NotifyCreatedAsync(message, clientState: null));
        await IdleAsync();

        var reply = Assert.Single(await RepliesAsync(interviewId));
        Assert.Equal("Ana Silva <ana@contoso.example>", reply.From);
        Assert.Equal("Re: Thank you", reply.Subject);
        Assert.Equal("Lovely to meet you too.", reply.Body);
        var history = await HistoryAsync(interviewId);
        Assert.Single(history, h => h.Event is Core.Events.ReplyReceived);

        // The fallback finding it again records nothing new either.
        _time.Advance(TimeSpan.FromHours(1));
        await TickAsync();
        Assert.Single(await RepliesAsync(interviewId));
        Assert.Equal(history.Count, (await HistoryAsync(interviewId)).Count);
        Assert.Empty(_graph.Violations);

        var payloads = await _app.Services.GetRequiredService<InboundStore>().ListPayloadsAsync("default", 10, CancellationToken.None);
        Assert.Equal(2, payloads.Count(p => p.Source == "graph-notification" && p.Status == InboundStatus.Processed));
    }

    [Fact]
    public async Task A_notification_with_a_wrong_client_state_is_refused_and_kept()
    {
        var (interviewId, conversationId) = await SendThankYouAsync();
        await TickAsync();
        var message = _graph.AddIncoming(conversationId, "ana@contoso.example", "Ana Silva", "Re: Thank you", "Hello");

        Assert.Equal([HttpStatusCode.Forbidden], await _graph.NotifyCreatedAsync(message, clientState: "a-guess-that-is-not-the-secret"));
        await IdleAsync();

        Assert.Empty(await RepliesAsync(interviewId));
        var payload = Assert.Single(await _app.Services.GetRequiredService<InboundStore>().ListPayloadsAsync("default", 10, CancellationToken.None));
        Assert.Equal(("graph-notification", InboundStatus.Refused), (payload.Source, payload.Status));
        Assert.Contains("clientState", payload.Reason, StringComparison.Ordinal);
        Assert.Empty(_graph.RequestsTo(FakeGraphRoute.GetMessage));
    }

    [Fact]
    public async Task The_candidates_own_message_in_the_conversation_is_not_a_reply()
    {
        var (interviewId, conversationId) = await SendThankYouAsync();
        await TickAsync();
        var own = _graph.AddIncoming(conversationId, Mailbox, "Alex Morgan", "Re: Thank you", "One more thing I forgot.");

        Assert.Equal([HttpStatusCode.Accepted], await _graph.NotifyCreatedAsync(own, clientState: null));
        await IdleAsync();
        _time.Advance(TimeSpan.FromHours(1));
        await TickAsync();

        Assert.Single(_graph.RequestsTo(FakeGraphRoute.GetMessage));
        Assert.Empty(await RepliesAsync(interviewId));

        // Not even offered to the interview as a reply to be ignored.
        Assert.DoesNotContain(await HistoryAsync(interviewId), h => h.Event is Core.Events.ReplyReceived);
    }

    [Fact]
    public async Task The_subscription_is_renewed_before_it_expires()
    {
        await TickAsync();
        var created = Assert.Single(_graph.Subscriptions);

        _time.Advance(TimeSpan.FromDays(1)); // 24 hours left: not yet
        await TickAsync();
        Assert.Empty(_graph.RequestsTo(FakeGraphRoute.RenewSubscription));

        _time.Advance(TimeSpan.FromHours(13)); // 11 hours left: within RenewBefore
        await TickAsync();

        Assert.Single(_graph.RequestsTo(FakeGraphRoute.RenewSubscription));
        var renewed = Assert.Single(_graph.Subscriptions);
        Assert.Equal(created.Id, renewed.Id);
        Assert.Equal(_time.GetUtcNow().AddDays(2), renewed.ExpirationDateTime);
        Assert.Empty(_graph.Violations);
    }

    [Fact]
    public async Task A_subscription_graph_removed_is_created_again()
    {
        var (interviewId, conversationId) = await SendThankYouAsync();
        await TickAsync();
        var removed = Assert.Single(_graph.Subscriptions);
        _graph.RemoveSubscription(removed.Id);
        _graph.AddIncoming(conversationId, "ana@contoso.example", "Ana Silva", "Re: Thank you", "Sent while nothing was subscribed.");

        Assert.Equal([HttpStatusCode.Accepted], await _graph.SendLifecycleAsync("subscriptionRemoved"));
        await IdleAsync();

        var recreated = Assert.Single(_graph.Subscriptions);
        Assert.NotEqual(removed.Id, recreated.Id);
        Assert.Equal("Sent while nothing was subscribed.", Assert.Single(await RepliesAsync(interviewId)).Body);

        // Notifications of the new subscription get through.
        await _graph.DeliverReplyAsync(conversationId, "sam@contoso.example", "Sam Lee", "Re: Thank you", "Thanks!");
        await IdleAsync();
        Assert.Equal(2, (await RepliesAsync(interviewId)).Count);
    }

    [Fact]
    public async Task A_renewal_graph_refuses_with_404_creates_a_new_subscription()
    {
        await TickAsync();
        var first = Assert.Single(_graph.Subscriptions);
        _graph.RemoveSubscription(first.Id);

        _time.Advance(TimeSpan.FromHours(37)); // 11 hours left: renewed, and Graph answers 404
        await TickAsync();

        Assert.Single(_graph.RequestsTo(FakeGraphRoute.RenewSubscription));
        Assert.NotEqual(first.Id, Assert.Single(_graph.Subscriptions).Id);
    }

    [Fact]
    public async Task Missed_notifications_make_the_conversations_be_checked_at_once()
    {
        var (interviewId, conversationId) = await SendThankYouAsync();
        await TickAsync();
        _graph.AddIncoming(conversationId, "ana@contoso.example", "Ana Silva", "Re: Thank you", "A reply whose notification was lost.");

        Assert.Equal([HttpStatusCode.Accepted], await _graph.SendLifecycleAsync("missed"));
        await IdleAsync();

        Assert.Equal("A reply whose notification was lost.", Assert.Single(await RepliesAsync(interviewId)).Body);
    }

    [Fact]
    public async Task The_conversation_check_finds_a_reply_no_notification_brought()
    {
        var (interviewId, conversationId) = await SendThankYouAsync();
        await TickAsync();
        _graph.AddIncoming(conversationId, "ana@contoso.example", "Ana Silva", "Re: Thank you", "Quiet reply.");

        _time.Advance(TimeSpan.FromMinutes(10)); // the check ran at the first tick; not due yet
        await TickAsync();
        Assert.Empty(await RepliesAsync(interviewId));

        _time.Advance(TimeSpan.FromMinutes(25));
        await TickAsync();

        Assert.Equal("Quiet reply.", Assert.Single(await RepliesAsync(interviewId)).Body);
        Assert.Empty(_graph.Violations);
    }

    private async Task TickAsync()
    {
        await _app.Services.GetRequiredService<Scheduler>().TickAsync(CancellationToken.None);
        await IdleAsync();
    }

    private Task IdleAsync() => _app.Services.GetRequiredService<GraphNotificationReceiver>().WhenIdleAsync();

    private Task<IReadOnlyList<StoredReply>> RepliesAsync(string interviewId) =>
        _app.Services.GetRequiredService<InterviewStore>().GetRepliesAsync("default", interviewId, CancellationToken.None);

    private Task<IReadOnlyList<HistoryEntry>> HistoryAsync(string interviewId) =>
        _app.Services.GetRequiredService<InterviewStore>().GetHistoryAsync("default", interviewId, CancellationToken.None);

    /// <summary>A thank-you to Ana approved and sent through Graph; its interview and the conversation replies join.</summary>
    private async Task<(string InterviewId, string ConversationId)> SendThankYouAsync()
    {
        await _client.PostJsonAsync("/api/interviews", new
        {
            company = "Contoso",
            role = "Senior Engineer",
            start = "2026-12-08T09:00:00+00:00",
            end = "2026-12-08T10:00:00+00:00",
            timeZone = "Europe/London",
            interviewers = new[] { new { name = "Ana Silva", email = "ana@contoso.example" } },
        }, HttpStatusCode.Created);
        var pending = (await _client.GetJsonAsync("/api/drafts?status=pending")).AsArray();
        var draftId = pending.Single(d => d!["draft"]!["to"].Str("email") == "ana@contoso.example")!["draft"].Str("id");
        var approved = await _client.PostJsonAsync($"/api/drafts/{draftId}/approve", new { }, HttpStatusCode.OK);
        Assert.Equal("sent", approved["draft"].Str("status"));

        var record = await _app.Services.GetRequiredService<InterviewStore>().GetDraftAsync("default", draftId, CancellationToken.None);
        var conversationId = record!.Draft.ConversationId!;
        Assert.Equal(_graph.SentItems.Single(m => m.InternetMessageId == approved["draft"].Str("messageId")).ConversationId, conversationId);
        return (record.InterviewId, conversationId);
    }
}
