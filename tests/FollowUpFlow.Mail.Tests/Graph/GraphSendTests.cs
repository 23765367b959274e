using FollowUpFlow.Mail.Tests.Support;
using FollowUpFlow.Testing.Fakes;

namespace FollowUpFlow.Mail.Tests.Graph;

public sealed class GraphSendTests : IAsyncLifetime
{
    private GraphFixture _graph = null!;

    public async Task InitializeAsync() => _graph = await GraphFixture.StartAsync();

    public async Task DisposeAsync() => await _graph.DisposeAsync();

    [Fact]
    public async Task Sending_leaves_exactly_one_message_in_sent_items_with_the_fields_as_given()
    {
        var message = Messages.Sample() with { Cc = [new MailAddress("sam@hiring.example.org")] };

        var result = await _graph.Transport().SendAsync(message, CancellationToken.None);

        Assert.Empty(_graph.Server.Violations);
        Assert.Empty(_graph.Server.Drafts);
        var sent = Assert.Single(_graph.Server.SentItems);
        Assert.False(sent.IsDraft);
        Assert.Equal(message.MessageId, sent.InternetMessageId);
        Assert.Equal(message.Subject, sent.Subject);
        Assert.Equal(message.TextBody, sent.BodyContent);
        Assert.Equal([new FakeGraphRecipient("jamie@hiring.example.org", "Jamie Recruiter")], sent.ToRecipients);
        Assert.Equal([new FakeGraphRecipient("sam@hiring.example.org", null)], sent.CcRecipients);
        Assert.Equal(1, _graph.Server.SentCountFor(message.MessageId));

        Assert.Equal(message.MessageId, result.MessageId);
        Assert.Equal(GraphFixture.Now, result.SentAt);
        Assert.StartsWith($"graph:conversation/{sent.ConversationId}/message/", result.Location, StringComparison.Ordinal);
        var send = Assert.Single(_graph.Server.RequestsTo(FakeGraphRoute.SendMessage));
        Assert.Equal("", send.Body);
    }

    [Fact]
    public async Task A_message_with_an_html_body_is_sent_with_its_html()
    {
        var message = Messages.Sample() with { HtmlBody = "<p>Thank you for your time today.</p>" };

        await _graph.Transport().SendAsync(message, CancellationToken.None);

        Assert.Empty(_graph.Server.Violations);
        var sent = Assert.Single(_graph.Server.SentItems);
        Assert.Equal("html", sent.BodyContentType, ignoreCase: true);
        Assert.Equal(message.HtmlBody, sent.BodyContent);
    }

    [Fact]
    public async Task Sending_a_saved_draft_sends_that_draft_with_the_approved_content()
    {
        var transport = _graph.Transport();
        var draft = await transport.SaveDraftAsync(Messages.Sample(), CancellationToken.None);

        var approved = Messages.Sample() with { TextBody = "Approved wording\r\n" };
        var result = await transport.SendAsync(approved, CancellationToken.None);

        Assert.Empty(_graph.Server.Violations);
        Assert.Single(_graph.Server.RequestsTo(FakeGraphRoute.CreateMessage));
        Assert.Equal($"/v1.0/users/alex@contoso.example/messages/{draft.Id}/send", Assert.Single(_graph.Server.RequestsTo(FakeGraphRoute.SendMessage)).Path);
        Assert.Equal("Approved wording\r\n", Assert.Single(_graph.Server.SentItems).BodyContent);
        Assert.Equal(GraphMailTransport.Location(draft.ConversationId, draft.Id), result.Location);
    }

    [Fact]
    public async Task Sending_the_same_message_id_again_sends_nothing_more_and_reports_the_first_send()
    {
        var transport = _graph.Transport();
        var first = await transport.SendAsync(Messages.Sample(), CancellationToken.None);
        _graph.Time.Now = GraphFixture.Now.AddHours(1);

        var second = await transport.SendAsync(Messages.Sample() with { Subject = "changed on retry" }, CancellationToken.None);
        var third = await _graph.Transport().SendAsync(Messages.Sample(), CancellationToken.None);

        Assert.Equal(1, _graph.Server.SentCount);
        Assert.Single(_graph.Server.SentItems);
        Assert.Empty(_graph.Server.Drafts);
        Assert.Single(_graph.Server.RequestsTo(FakeGraphRoute.SendMessage));
        Assert.Equal(GraphFixture.Now, second.SentAt);
        Assert.Equal(second, third);
        Assert.Equal(first.MessageId, second.MessageId);
        Assert.Equal(Assert.Single(_graph.Server.SentItems).Subject, Messages.Sample().Subject);
    }

    [Fact]
    public async Task Check_sent_says_not_sent_before_and_sent_after()
    {
        var transport = _graph.Transport();
        var messageId = Messages.Sample().MessageId;

        Assert.Equal(SendCheck.NotSent, await transport.CheckSentAsync(messageId, CancellationToken.None));
        await transport.SaveDraftAsync(Messages.Sample(), CancellationToken.None);
        Assert.Equal(SendCheck.NotSent, await transport.CheckSentAsync(messageId, CancellationToken.None));
        await transport.SendAsync(Messages.Sample(), CancellationToken.None);
        Assert.Equal(SendCheck.Sent, await transport.CheckSentAsync(messageId, CancellationToken.None));
        Assert.Equal(SendCheck.NotSent, await transport.CheckSentAsync(Messages.Sample("other").MessageId, CancellationToken.None));

        // The whole mailbox is asked, so a message still waiting in the Outbox counts as sent.
        var check = _graph.Server.RequestsTo(FakeGraphRoute.ListMailbox)[0];
        Assert.Equal("/v1.0/users/alex@contoso.example/messages", check.Path);
        Assert.Empty(_graph.Server.Violations);
    }

    [Fact]
    public async Task Logs_name_ids_but_never_the_subject_body_addresses_or_token()
    {
        var message = Messages.Sample();
        await _graph.Transport().SendAsync(message, CancellationToken.None);

        Assert.NotEmpty(_graph.Logger.Lines);
        Assert.Contains(_graph.Logger.Lines, line => line.Contains(message.MessageId, StringComparison.Ordinal));
        foreach (var line in _graph.Logger.Lines)
        {
            Assert.DoesNotContain(message.Subject, line, StringComparison.Ordinal);
            Assert.DoesNotContain("Thank you for your time", line, StringComparison.Ordinal);
            Assert.DoesNotContain("jamie@hiring.example.org", line, StringComparison.Ordinal);
            Assert.DoesNotContain(GraphFixture.Mailbox, line, StringComparison.Ordinal);
            Assert.DoesNotContain("fake-graph-token", line, StringComparison.Ordinal);
        }
    }
}
