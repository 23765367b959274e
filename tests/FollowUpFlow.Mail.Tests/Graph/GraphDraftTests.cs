using FollowUpFlow.Mail.Tests.Support;
using FollowUpFlow.Testing.Fakes;

namespace FollowUpFlow.Mail.Tests.Graph;

public sealed class GraphDraftTests : IAsyncLifetime
{
    private GraphFixture _graph = null!;

    public async Task InitializeAsync() => _graph = await GraphFixture.StartAsync();

    public async Task DisposeAsync() => await _graph.DisposeAsync();

    [Fact]
    public async Task Saving_creates_one_draft_carrying_every_field_as_sent()
    {
        var message = Messages.Sample() with
        {
            Cc = [new MailAddress("sam@hiring.example.org")],
            ReplyTo = new MailAddress("Alex Candidate", "alex.replies@example.com"),
            ExtraHeaders = [new MessageHeader("X-FollowUpFlow-Draft-Id", "draft-42")],
        };

        var saved = await _graph.Transport().SaveDraftAsync(message, CancellationToken.None);

        Assert.Empty(_graph.Server.Violations);
        var draft = Assert.Single(_graph.Server.Drafts);
        Assert.Empty(_graph.Server.SentItems);
        Assert.Equal(new GraphDraft(draft.Id, draft.ConversationId), saved);
        Assert.True(draft.IsDraft);
        Assert.Equal(message.MessageId, draft.InternetMessageId);
        Assert.Equal(message.Subject, draft.Subject);
        Assert.Equal("text", draft.BodyContentType, ignoreCase: true);
        Assert.Equal(message.TextBody, draft.BodyContent);
        Assert.Equal([new FakeGraphRecipient("jamie@hiring.example.org", "Jamie Recruiter")], draft.ToRecipients);
        Assert.Equal([new FakeGraphRecipient("sam@hiring.example.org", null)], draft.CcRecipients);
        Assert.Equal([new FakeGraphRecipient("alex.replies@example.com", "Alex Candidate")], draft.ReplyTo);
        Assert.Equal(
            [new("x-followupflow-message-id", message.MessageId), new("X-FollowUpFlow-Draft-Id", "draft-42")],
            draft.InternetMessageHeaders);

        var create = Assert.Single(_graph.Server.RequestsTo(FakeGraphRoute.CreateMessage));
        Assert.Equal("/v1.0/users/alex@contoso.example/messages", create.Path);
        Assert.Equal("Bearer fake-graph-token", create.Authorization);
    }

    [Fact]
    public async Task Saving_the_same_message_id_again_updates_that_draft()
    {
        var transport = _graph.Transport();
        var first = await transport.SaveDraftAsync(Messages.Sample(), CancellationToken.None);

        var edited = Messages.Sample() with
        {
            Subject = "Thank you, and one more thing",
            TextBody = "Edited body\r\n",
            To = [new MailAddress("Jamie R.", "jamie.r@hiring.example.org")],
        };
        var second = await transport.SaveDraftAsync(edited, CancellationToken.None);

        Assert.Empty(_graph.Server.Violations);
        Assert.Equal(first, second);
        var draft = Assert.Single(_graph.Server.Drafts);
        Assert.Equal(1, draft.UpdateCount);
        Assert.Equal(edited.Subject, draft.Subject);
        Assert.Equal(edited.TextBody, draft.BodyContent);
        Assert.Equal([new FakeGraphRecipient("jamie.r@hiring.example.org", "Jamie R.")], draft.ToRecipients);

        // Created once, found by its id, patched by Graph id; the custom headers stay as created.
        Assert.Single(_graph.Server.RequestsTo(FakeGraphRoute.CreateMessage));
        var update = Assert.Single(_graph.Server.RequestsTo(FakeGraphRoute.UpdateMessage));
        Assert.Equal($"/v1.0/users/alex@contoso.example/messages/{first.Id}", update.Path);
        Assert.DoesNotContain("internetMessageHeaders", update.Body, StringComparison.Ordinal);
        Assert.Equal([new("x-followupflow-message-id", edited.MessageId)], draft.InternetMessageHeaders);
    }

    [Fact]
    public async Task A_message_with_an_html_body_is_saved_with_body_contentType_html()
    {
        var message = Messages.Sample() with { HtmlBody = "<p>Hi Jamie,</p>\r\n<p>Schöne Grüße</p>\r\n" };

        await _graph.Transport().SaveDraftAsync(message, CancellationToken.None);

        Assert.Empty(_graph.Server.Violations);
        var draft = Assert.Single(_graph.Server.Drafts);
        Assert.Equal("html", draft.BodyContentType, ignoreCase: true);
        Assert.Equal(message.HtmlBody, draft.BodyContent);
        var body = RequestBody(Assert.Single(_graph.Server.RequestsTo(FakeGraphRoute.CreateMessage)));
        Assert.Equal("html", body.GetProperty("contentType").GetString());
        Assert.Equal(message.HtmlBody, body.GetProperty("content").GetString());
    }

    [Fact]
    public async Task Updating_a_draft_moves_its_body_between_text_and_html()
    {
        var transport = _graph.Transport();
        var plain = Messages.Sample();
        var html = plain with { HtmlBody = "<p>Edited</p>" };

        await transport.SaveDraftAsync(plain, CancellationToken.None);
        Assert.Equal("text", Assert.Single(_graph.Server.Drafts).BodyContentType, ignoreCase: true);

        await transport.SaveDraftAsync(html, CancellationToken.None);
        var draft = Assert.Single(_graph.Server.Drafts);
        Assert.Equal("html", draft.BodyContentType, ignoreCase: true);
        Assert.Equal("<p>Edited</p>", draft.BodyContent);
        var update = RequestBody(Assert.Single(_graph.Server.RequestsTo(FakeGraphRoute.UpdateMessage)));
        Assert.Equal("html", update.GetProperty("contentType").GetString());

        await transport.SaveDraftAsync(plain, CancellationToken.None);
        draft = Assert.Single(_graph.Server.Drafts);
        Assert.Equal("text", draft.BodyContentType, ignoreCase: true);
        Assert.Equal(plain.TextBody, draft.BodyContent);
        Assert.Equal(2, draft.UpdateCount);
        Assert.Empty(_graph.Server.Violations);
    }

    [Fact]
    public async Task Without_an_html_body_the_draft_body_is_text_as_before()
    {
        await _graph.Transport().SaveDraftAsync(Messages.Sample(), CancellationToken.None);

        var body = RequestBody(Assert.Single(_graph.Server.RequestsTo(FakeGraphRoute.CreateMessage)));
        Assert.Equal("text", body.GetProperty("contentType").GetString());
        Assert.Equal(Messages.Sample().TextBody, body.GetProperty("content").GetString());
    }

    [Fact]
    public async Task A_message_id_with_an_apostrophe_and_a_plus_is_quoted_and_found_again()
    {
        var message = Messages.Sample() with { MessageId = MessageIds.Create("o'brien+1.draft", "followupflow.local") };
        var transport = _graph.Transport();

        var first = await transport.SaveDraftAsync(message, CancellationToken.None);
        var second = await transport.SaveDraftAsync(message with { Subject = "Second version" }, CancellationToken.None);

        Assert.Empty(_graph.Server.Violations);
        Assert.Equal(first, second);
        Assert.Equal(message.MessageId, Assert.Single(_graph.Server.Drafts).InternetMessageId);
        var lookup = _graph.Server.RequestsTo(FakeGraphRoute.ListDrafts)[^1];
        Assert.Contains("%27%27brien%2B1", lookup.RawTarget, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Threading_headers_travel_as_the_mapi_properties_graph_lets_a_new_message_set()
    {
        var message = Messages.Sample() with
        {
            InReplyTo = "<abc@recruiter.example.org>",
            References = ["<root@recruiter.example.org>", "<abc@recruiter.example.org>"],
        };

        await _graph.Transport().SaveDraftAsync(message, CancellationToken.None);

        Assert.Empty(_graph.Server.Violations);
        var properties = Assert.Single(_graph.Server.Drafts).ExtendedProperties;
        Assert.Equal("<abc@recruiter.example.org>", properties["String 0x1042"]);
        Assert.Equal("<root@recruiter.example.org> <abc@recruiter.example.org>", properties["String 0x1039"]);
    }

    [Fact]
    public async Task A_custom_header_graph_cannot_carry_is_refused_before_any_request()
    {
        var message = Messages.Sample() with { ExtraHeaders = [new MessageHeader("Auto-Submitted", "auto-generated")] };

        var refused = await Assert.ThrowsAsync<MailRefusedException>(() => _graph.Transport().SaveDraftAsync(message, CancellationToken.None));

        Assert.Contains("Auto-Submitted", refused.Message, StringComparison.Ordinal);
        Assert.Empty(_graph.Server.Requests);
    }

    [Fact]
    public async Task A_sent_message_cannot_be_saved_as_a_draft_again()
    {
        var transport = _graph.Transport();
        await transport.SendAsync(Messages.Sample(), CancellationToken.None);

        await Assert.ThrowsAsync<MessageAlreadySentException>(() => transport.SaveDraftAsync(Messages.Sample(), CancellationToken.None));

        Assert.Empty(_graph.Server.Drafts);
        Assert.Single(_graph.Server.SentItems);
    }

    [Fact]
    public async Task The_conversation_id_is_found_for_a_draft_and_for_the_sent_message()
    {
        var transport = _graph.Transport();
        var message = Messages.Sample();
        Assert.Null(await transport.GetConversationIdAsync(message.MessageId, CancellationToken.None));

        var draft = await transport.SaveDraftAsync(message, CancellationToken.None);
        Assert.Equal(draft.ConversationId, await transport.GetConversationIdAsync(message.MessageId, CancellationToken.None));

        await transport.SendAsync(message, CancellationToken.None);
        Assert.Equal(draft.ConversationId, await transport.GetConversationIdAsync(message.MessageId, CancellationToken.None));
        Assert.Empty(_graph.Server.Violations);
    }

    [Fact]
    public async Task Tokens_are_asked_for_the_graph_host_default_scope()
    {
        await _graph.Transport().SaveDraftAsync(Messages.Sample(), CancellationToken.None);

        Assert.All(_graph.Credential.RequestedScopes, scopes => Assert.Equal(["http://127.0.0.1/.default"], scopes));
        Assert.NotEmpty(_graph.Credential.RequestedScopes);
    }

    /// <summary>The message's <c>body</c> object as the SDK put it on the wire.</summary>
    private static System.Text.Json.JsonElement RequestBody(FakeGraphRequest request)
    {
        using var json = System.Text.Json.JsonDocument.Parse(request.Body);
        return json.RootElement.GetProperty("body").Clone();
    }
}
