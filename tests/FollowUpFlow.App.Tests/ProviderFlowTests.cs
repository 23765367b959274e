using System.Net;
using System.Text.Json.Nodes;
using FollowUpFlow.App.Tests.Support;
using FollowUpFlow.Mail;
using FollowUpFlow.Testing;
using FollowUpFlow.Testing.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace FollowUpFlow.App.Tests;

/// <summary>
/// The approval flow with the mail provider chosen by settings, against local fakes of SendGrid and Microsoft Graph that
/// check the documented wire format: what the candidate approves leaves once, as approved, and a second approval sends nothing.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ProviderFlowTests(AzuriteFixture azurite)
{
    private const string SendGridKey = "SG.test-key-0123456789";
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2026, 12, 8, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Approving_through_sendgrid_sends_once_with_a_reply_address_of_its_own()
    {
        await using var sendGrid = await FakeSendGridServer.StartAsync(SendGridKey);
        using var storage = new AppStorage();
        await using var app = new AppFactory(azurite, storage, _time,
        [
            new("FollowUpFlow:Mail:Transport", "SendGrid"),
            new("FollowUpFlow:Mail:SendGrid:ApiKey", SendGridKey),
            new("FollowUpFlow:Mail:SendGrid:BaseUrl", sendGrid.BaseUrl.ToString()),
            new("FollowUpFlow:Mail:SendGrid:ReplyDomain", "replies.followupflow.example"),
            new("FollowUpFlow:Mail:SendGrid:ReplyKey", Convert.ToBase64String(new byte[32].Select((_, i) => (byte)(i * 7 + 1)).ToArray())),
        ],
        services =>
        {
            // The workflow's clock is the test's; the HTTP timeouts and retry waits run on real time.
            services.RemoveAll<IMailTransport>();
            services.AddSingleton<IMailTransport>(provider => ActivatorUtilities.CreateInstance<SendGridTransport>(provider, TimeProvider.System));
        });
        var client = app.CreateClient();
        var (draftId, messageId) = await ApproveThankYouToAnaAsync(client);

        Assert.Equal(1, sendGrid.AcceptedCountFor(messageId));
        Assert.Empty(sendGrid.Violations);
        var mail = sendGrid.Accepted.Single(r => r.MessageId == messageId).Mail!;
        Assert.Equal("ana@contoso.example", Assert.Single(Assert.Single(mail.Personalizations).To).Email);
        Assert.Equal("alex@example.com", mail.From.Email);
        Assert.Matches("^reply\\+[a-z2-7]{26}@replies\\.followupflow\\.example$", mail.ReplyTo!.Email);
        Assert.Contains("Dear Ana, thank you - edited.", mail.Content[0].Value, StringComparison.Ordinal);

        await client.PostJsonAsync($"/api/drafts/{draftId}/approve", new { }, HttpStatusCode.Conflict);
        Assert.Equal(1, sendGrid.AcceptedCountFor(messageId));
        Assert.Empty(storage.SentFiles());
    }

    [Fact]
    public async Task Approving_through_graph_sends_once_from_the_candidates_mailbox()
    {
        await using var graph = await FakeGraphServer.StartAsync("alex@example.com", "graph-token");
        using var storage = new AppStorage();
        await using var app = new AppFactory(azurite, storage, _time,
            [
                new("FollowUpFlow:Mail:Transport", "Graph"),
                new("FollowUpFlow:Mail:Graph:Mailbox", "alex@example.com"),
                new("FollowUpFlow:Mail:Graph:AuthMode", "ClientSecret"),
                new("FollowUpFlow:Mail:Graph:TenantId", "00000000-0000-0000-0000-000000000001"),
                new("FollowUpFlow:Mail:Graph:ClientId", "00000000-0000-0000-0000-000000000002"),
                new("FollowUpFlow:Mail:Graph:ClientSecret", "not-used-by-the-fake"),
                new("FollowUpFlow:Mail:Graph:BaseUrl", graph.BaseUrl.ToString()),
            ],
            services =>
            {
                // Signing in is Entra ID's business, not this test's: a fixed token, and the real SDK over HTTP to the fake.
                services.RemoveAll<GraphMailClient>();
                services.AddSingleton(provider => GraphMailClient.Create(provider.GetRequiredService<IOptions<GraphMailOptions>>().Value, new FixedTokenCredential("graph-token")));
            });
        var client = app.CreateClient();
        var (draftId, messageId) = await ApproveThankYouToAnaAsync(client);

        Assert.Equal(1, graph.SentCountFor(messageId));
        Assert.Empty(graph.Violations);
        var sent = graph.SentItems.Single(m => m.InternetMessageId == messageId);
        var draft = await client.GetJsonAsync($"/api/drafts/{draftId}");
        Assert.Equal(sent.ConversationId, draft["draft"].Str("conversationId")); // where its replies will be looked for
        Assert.Equal("ana@contoso.example", Assert.Single(sent.ToRecipients).Address);
        Assert.Equal("text", sent.BodyContentType);
        Assert.Contains("Dear Ana, thank you - edited.", sent.BodyContent, StringComparison.Ordinal);

        await client.PostJsonAsync($"/api/drafts/{draftId}/approve", new { }, HttpStatusCode.Conflict);
        Assert.Equal(1, graph.SentCountFor(messageId));
        Assert.Empty(storage.SentFiles());
    }

    [Fact]
    public async Task An_unknown_transport_stops_the_app_with_the_choices()
    {
        using var storage = new AppStorage();
        await using var app = new AppFactory(azurite, storage, _time, [new("FollowUpFlow:Mail:Transport", "Pigeon")]);

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());
        Assert.Contains("FollowUpFlow:Mail:Transport is 'Pigeon'; use one of: File, SendGrid, Graph", error.ToString(), StringComparison.Ordinal);
    }

    /// <summary>An interview that ended at 10:00; its thank-you to Ana is approved with an edit. Returns the draft and its Message-ID.</summary>
    private static async Task<(string DraftId, string MessageId)> ApproveThankYouToAnaAsync(HttpClient client)
    {
        await client.PostJsonAsync("/api/interviews", new
        {
            company = "Contoso",
            role = "Senior Engineer",
            start = "2026-12-08T09:00:00+00:00",
            end = "2026-12-08T10:00:00+00:00",
            timeZone = "Europe/London",
            interviewers = new[] { new { name = "Ana Silva", email = "ana@contoso.example" } },
        }, HttpStatusCode.Created);
        var pending = (await client.GetJsonAsync("/api/drafts?status=pending")).AsArray();
        var draftId = pending.Single(d => d!["draft"]!["to"].Str("email") == "ana@contoso.example")!["draft"].Str("id");

        var approved = await client.PostJsonAsync($"/api/drafts/{draftId}/approve", new { body = "Dear Ana, thank you - edited." }, HttpStatusCode.OK);

        Assert.Equal("sent", approved["draft"].Str("status"));
        return (draftId, approved["draft"].Str("messageId"));
    }
}
