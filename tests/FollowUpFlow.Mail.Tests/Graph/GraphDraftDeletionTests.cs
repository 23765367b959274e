using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using FollowUpFlow.Mail.Tests.Support;
using FollowUpFlow.Testing.Fakes;

namespace FollowUpFlow.Mail.Tests.Graph;

/// <summary>
/// <see cref="IDraftMailbox"/> over Graph: a Message-ID's drafts are deleted, whatever else has that id is left alone, and a
/// message that already left cannot be saved as a draft again.
/// </summary>
public sealed class GraphDraftDeletionTests : IAsyncLifetime
{
    private readonly HttpClient _http = new();
    private GraphFixture _graph = null!;

    public async Task InitializeAsync() => _graph = await GraphFixture.StartAsync();

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _graph.DisposeAsync();
    }

    [Fact]
    public async Task Deleting_the_only_draft_of_a_message_id_removes_it_with_one_bodiless_delete()
    {
        IDraftMailbox mailbox = _graph.Transport();
        var message = Messages.Sample();
        await mailbox.SaveDraftAsync(message, CancellationToken.None);
        var draft = Assert.Single(_graph.Server.Drafts);

        var deleted = await mailbox.DeleteDraftsAsync(message.MessageId, CancellationToken.None);

        Assert.Equal(1, deleted);
        Assert.Empty(_graph.Server.Violations);
        Assert.Empty(_graph.Server.Drafts);
        Assert.Empty(_graph.Server.SentItems);
        Assert.Equal(draft, Assert.Single(_graph.Server.Deleted));

        var lookup = _graph.Server.RequestsTo(FakeGraphRoute.ListMailbox)[^1];
        Assert.Equal("/v1.0/users/alex@contoso.example/messages", lookup.Path);
        var delete = Assert.Single(_graph.Server.RequestsTo(FakeGraphRoute.DeleteMessage));
        Assert.Equal("DELETE", delete.Method);
        Assert.Equal($"/v1.0/users/alex@contoso.example/messages/{draft.Id}", delete.Path);
        Assert.Equal("Bearer fake-graph-token", delete.Authorization);
        Assert.Equal("", delete.Body);
        Assert.Null(delete.ContentType);
        Assert.Contains(_graph.Logger.Lines, line => line.Contains("1209", StringComparison.Ordinal) && line.Contains(message.MessageId, StringComparison.Ordinal));
        Assert.Equal(0, _graph.Server.SentCount);
    }

    [Fact]
    public async Task Every_draft_with_the_message_id_is_deleted_and_counted_and_other_ids_are_kept()
    {
        var transport = _graph.Transport();
        var message = Messages.Sample();
        await transport.SaveDraftAsync(message, CancellationToken.None);
        await transport.SaveDraftAsync(Messages.Sample("other"), CancellationToken.None);
        await CreateDraftDirectlyAsync(message.MessageId);
        await CreateDraftDirectlyAsync(message.MessageId);
        Assert.Equal(4, _graph.Server.Drafts.Count);

        var deleted = await transport.DeleteDraftsAsync(message.MessageId, CancellationToken.None);

        Assert.Equal(3, deleted);
        Assert.Empty(_graph.Server.Violations);
        Assert.Equal(Messages.Sample("other").MessageId, Assert.Single(_graph.Server.Drafts).InternetMessageId);
        Assert.Equal(3, _graph.Server.Deleted.Count);
        Assert.All(_graph.Server.Deleted, m => Assert.Equal(message.MessageId, m.InternetMessageId));
        Assert.All(_graph.Server.Deleted, m => Assert.True(m.IsDraft));
        Assert.Equal(
            _graph.Server.Deleted.Select(m => $"/v1.0/users/alex@contoso.example/messages/{m.Id}").Order(StringComparer.Ordinal),
            _graph.Server.RequestsTo(FakeGraphRoute.DeleteMessage).Select(r => r.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Without_a_draft_nothing_is_deleted_and_no_delete_is_sent()
    {
        var transport = _graph.Transport();
        await transport.SaveDraftAsync(Messages.Sample("other"), CancellationToken.None);
        var requestsBefore = _graph.Server.Requests.Count;

        var deleted = await transport.DeleteDraftsAsync(Messages.Sample().MessageId, CancellationToken.None);

        Assert.Equal(0, deleted);
        Assert.Empty(_graph.Server.RequestsTo(FakeGraphRoute.DeleteMessage));
        Assert.Equal(FakeGraphRoute.ListMailbox, Assert.Single(_graph.Server.Requests.Skip(requestsBefore)).Route);
        Assert.Single(_graph.Server.Drafts);
        Assert.Empty(_graph.Server.Deleted);
        Assert.Empty(_graph.Server.Violations);
    }

    [Fact]
    public async Task A_message_id_with_an_apostrophe_and_a_plus_is_quoted_and_its_draft_deleted()
    {
        var message = Messages.Sample() with { MessageId = MessageIds.Create("o'brien+1.draft", "followupflow.local") };
        var transport = _graph.Transport();
        await transport.SaveDraftAsync(message, CancellationToken.None);

        var deleted = await transport.DeleteDraftsAsync(message.MessageId, CancellationToken.None);

        Assert.Equal(1, deleted);
        Assert.Empty(_graph.Server.Drafts);
        Assert.Empty(_graph.Server.Violations);
        Assert.Contains("%27%27brien%2B1", _graph.Server.RequestsTo(FakeGraphRoute.ListMailbox)[^1].RawTarget, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_sent_message_is_never_deleted_whether_in_sent_items_or_still_in_the_outbox(bool heldInOutbox)
    {
        var transport = _graph.Transport();
        var message = Messages.Sample();
        _graph.Server.HoldSentInOutbox = heldInOutbox;
        await transport.SendAsync(message, CancellationToken.None);

        var deleted = await transport.DeleteDraftsAsync(message.MessageId, CancellationToken.None);

        Assert.Equal(0, deleted);
        Assert.Empty(_graph.Server.RequestsTo(FakeGraphRoute.DeleteMessage));
        Assert.Empty(_graph.Server.Deleted);
        Assert.Empty(_graph.Server.Drafts);
        Assert.Equal(heldInOutbox ? 0 : 1, _graph.Server.SentItems.Count);
        _graph.Server.DeliverOutbox();
        Assert.Equal(message.MessageId, Assert.Single(_graph.Server.SentItems).InternetMessageId);
        Assert.Equal(1, _graph.Server.SentCountFor(message.MessageId));
        Assert.Empty(_graph.Server.Violations);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Beside_a_sent_message_with_the_same_id_only_the_draft_is_deleted(bool heldInOutbox)
    {
        var transport = _graph.Transport();
        var message = Messages.Sample();
        _graph.Server.HoldSentInOutbox = heldInOutbox;
        await transport.SendAsync(message, CancellationToken.None);
        await CreateDraftDirectlyAsync(message.MessageId);

        var deleted = await transport.DeleteDraftsAsync(message.MessageId, CancellationToken.None);

        Assert.Equal(1, deleted);
        var gone = Assert.Single(_graph.Server.Deleted);
        Assert.True(gone.IsDraft);
        Assert.Equal(FakeGraphServer.DraftsFolder, gone.Folder);
        Assert.Empty(_graph.Server.Drafts);
        _graph.Server.DeliverOutbox();
        var sent = Assert.Single(_graph.Server.SentItems);
        Assert.False(sent.IsDraft);
        Assert.Equal(message.MessageId, sent.InternetMessageId);
        Assert.Empty(_graph.Server.Violations);
    }

    [Fact]
    public async Task A_draft_deleted_meanwhile_answers_404_and_counts_as_deleted()
    {
        var transport = _graph.Transport();
        var message = Messages.Sample();
        await transport.SaveDraftAsync(message, CancellationToken.None);
        await CreateDraftDirectlyAsync(message.MessageId);

        // The first DELETE finds the draft gone, as when the candidate deleted it between the lookup and the delete.
        _graph.Server.EnqueueFault(FakeGraphRoute.DeleteMessage, FakeGraphFault.Error(404, "ErrorItemNotFound", "The specified object was not found in the store."));

        var deleted = await transport.DeleteDraftsAsync(message.MessageId, CancellationToken.None);

        Assert.Equal(2, deleted);
        Assert.Equal(2, _graph.Server.RequestsTo(FakeGraphRoute.DeleteMessage).Count);
        Assert.Single(_graph.Server.Deleted);
        Assert.Empty(_graph.Server.Violations);
    }

    [Fact]
    public async Task A_delete_whose_answer_was_lost_is_retried_by_the_sdk_and_the_404_counts_as_deleted()
    {
        var transport = _graph.Transport();
        var message = Messages.Sample();
        await transport.SaveDraftAsync(message, CancellationToken.None);
        _graph.Server.EnqueueFault(FakeGraphRoute.DeleteMessage, FakeGraphFault.GatewayTimeoutAfterHandling(retryAfterSeconds: 0));

        var deleted = await transport.DeleteDraftsAsync(message.MessageId, CancellationToken.None);

        // The first DELETE did its work and answered 504; the SDK's retry found the draft gone.
        Assert.Equal(1, deleted);
        Assert.Equal(2, _graph.Server.RequestsTo(FakeGraphRoute.DeleteMessage).Count);
        Assert.Single(_graph.Server.Deleted);
        Assert.Empty(_graph.Server.Drafts);
        Assert.Empty(_graph.Server.Violations);
    }

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    [InlineData(504)]
    [InlineData(500)]
    public async Task A_throttled_or_failing_delete_is_not_accepted_and_the_draft_stays(int status)
    {
        var transport = _graph.Transport(o => o.MaxRetries = 0);
        var message = Messages.Sample();
        await transport.SaveDraftAsync(message, CancellationToken.None);
        _graph.Server.EnqueueFault(FakeGraphRoute.DeleteMessage, status switch
        {
            429 => FakeGraphFault.Throttled(retryAfterSeconds: 0),
            503 => FakeGraphFault.Unavailable(retryAfterSeconds: 0),
            504 => FakeGraphFault.Error(504, "UnknownError", "The gateway timed out."),
            _ => FakeGraphFault.Error(status, "InternalServerError", "Something went wrong."),
        });

        var failure = await Assert.ThrowsAsync<MailNotAcceptedException>(() => transport.DeleteDraftsAsync(message.MessageId, CancellationToken.None));

        Assert.Contains(status.ToString(System.Globalization.CultureInfo.InvariantCulture), failure.Message, StringComparison.Ordinal);
        Assert.Single(_graph.Server.RequestsTo(FakeGraphRoute.DeleteMessage));
        Assert.Single(_graph.Server.Drafts);
        Assert.Empty(_graph.Server.Deleted);
    }

    [Fact]
    public async Task Throttling_that_outlasts_the_sdk_retries_is_not_accepted()
    {
        var transport = _graph.Transport(o => o.MaxRetries = 2);
        var message = Messages.Sample();
        await transport.SaveDraftAsync(message, CancellationToken.None);
        for (var i = 0; i < 3; i++)
        {
            _graph.Server.EnqueueFault(FakeGraphRoute.DeleteMessage, FakeGraphFault.Throttled(retryAfterSeconds: 0));
        }

        var failure = await Assert.ThrowsAsync<MailNotAcceptedException>(() => transport.DeleteDraftsAsync(message.MessageId, CancellationToken.None));

        Assert.Contains("429", failure.Message, StringComparison.Ordinal);
        Assert.Equal(3, _graph.Server.RequestsTo(FakeGraphRoute.DeleteMessage).Count);
        Assert.Single(_graph.Server.Drafts);
        Assert.Empty(_graph.Server.Deleted);
    }

    [Fact]
    public async Task A_403_on_delete_is_a_refusal_and_the_draft_stays()
    {
        var transport = _graph.Transport();
        var message = Messages.Sample();
        await transport.SaveDraftAsync(message, CancellationToken.None);
        _graph.Server.EnqueueFault(FakeGraphRoute.DeleteMessage, FakeGraphFault.Error(403, "ErrorAccessDenied", "Access is denied. Check credentials and try again."));

        var refused = await Assert.ThrowsAsync<MailRefusedException>(() => transport.DeleteDraftsAsync(message.MessageId, CancellationToken.None));

        Assert.Contains("403 ErrorAccessDenied", refused.Message, StringComparison.Ordinal);
        Assert.Single(_graph.Server.RequestsTo(FakeGraphRoute.DeleteMessage));
        Assert.Single(_graph.Server.Drafts);
        Assert.Empty(_graph.Server.Deleted);
    }

    [Fact]
    public async Task An_unavailable_lookup_is_not_accepted_and_nothing_is_deleted()
    {
        var transport = _graph.Transport(o => o.MaxRetries = 0);
        var message = Messages.Sample();
        await transport.SaveDraftAsync(message, CancellationToken.None);
        _graph.Server.EnqueueFault(FakeGraphRoute.ListMailbox, FakeGraphFault.Unavailable(retryAfterSeconds: 0));

        await Assert.ThrowsAsync<MailNotAcceptedException>(() => transport.DeleteDraftsAsync(message.MessageId, CancellationToken.None));

        Assert.Empty(_graph.Server.RequestsTo(FakeGraphRoute.DeleteMessage));
        Assert.Single(_graph.Server.Drafts);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Saving_through_the_draft_mailbox_after_the_id_was_sent_throws_already_sent(bool heldInOutbox)
    {
        var transport = _graph.Transport();
        IDraftMailbox mailbox = transport;
        var message = Messages.Sample();
        _graph.Server.HoldSentInOutbox = heldInOutbox;
        await transport.SendAsync(message, CancellationToken.None);

        var failure = await Assert.ThrowsAsync<MessageAlreadySentException>(() =>
            mailbox.SaveDraftAsync(message with { Subject = "Edited after it left" }, CancellationToken.None));

        Assert.Equal(message.MessageId, failure.MessageId);
        Assert.Empty(_graph.Server.Drafts);
        Assert.Single(_graph.Server.RequestsTo(FakeGraphRoute.CreateMessage));
        Assert.Empty(_graph.Server.RequestsTo(FakeGraphRoute.UpdateMessage));
        _graph.Server.DeliverOutbox();
        Assert.Equal(Messages.Sample().Subject, Assert.Single(_graph.Server.SentItems).Subject);
        Assert.Equal(1, _graph.Server.SentCountFor(message.MessageId));
        Assert.Empty(_graph.Server.Violations);
    }

    [Fact]
    public async Task Saving_through_the_draft_mailbox_creates_then_updates_the_draft()
    {
        IDraftMailbox mailbox = _graph.Transport();
        var message = Messages.Sample();

        await mailbox.SaveDraftAsync(message, CancellationToken.None);
        await mailbox.SaveDraftAsync(message with { Subject = "Second version" }, CancellationToken.None);

        var draft = Assert.Single(_graph.Server.Drafts);
        Assert.Equal("Second version", draft.Subject);
        Assert.Equal(1, draft.UpdateCount);
        Assert.Empty(_graph.Server.Violations);
    }

    [Fact]
    public async Task Saving_when_three_drafts_share_the_message_id_updates_the_first_and_deletes_the_other_two()
    {
        var transport = _graph.Transport();
        var message = Messages.Sample();
        var kept = await transport.SaveDraftAsync(message, CancellationToken.None);
        await CreateDraftDirectlyAsync(message.MessageId);
        await CreateDraftDirectlyAsync(message.MessageId);
        var extras = _graph.Server.Drafts.Where(d => d.Id != kept.Id).Select(d => d.Id).ToList();
        Assert.Equal(2, extras.Count);

        var saved = await transport.SaveDraftAsync(message with { Subject = "Second version" }, CancellationToken.None);

        Assert.Empty(_graph.Server.Violations);
        Assert.Equal(kept, saved);
        var draft = Assert.Single(_graph.Server.Drafts);
        Assert.Equal(kept.Id, draft.Id);
        Assert.Equal("Second version", draft.Subject);
        Assert.Equal(1, draft.UpdateCount);
        Assert.Equal(2, _graph.Server.Deleted.Count);
        Assert.Equal(extras.Order(StringComparer.Ordinal), _graph.Server.Deleted.Select(m => m.Id).Order(StringComparer.Ordinal));
        Assert.All(_graph.Server.Deleted, m => Assert.True(m.IsDraft));
        Assert.Equal(
            extras.Select(id => $"/v1.0/users/alex@contoso.example/messages/{id}").Order(StringComparer.Ordinal),
            _graph.Server.RequestsTo(FakeGraphRoute.DeleteMessage).Select(r => r.Path).Order(StringComparer.Ordinal));
        var update = Assert.Single(_graph.Server.RequestsTo(FakeGraphRoute.UpdateMessage));
        Assert.Equal($"/v1.0/users/alex@contoso.example/messages/{kept.Id}", update.Path);
        Assert.Contains(_graph.Logger.Lines, line => line.Contains("1202", StringComparison.Ordinal) && line.Contains("Found 3 Graph drafts", StringComparison.Ordinal));
        Assert.Equal(2, _graph.Logger.Lines.Count(line => line.Contains("1209", StringComparison.Ordinal)));
        Assert.Equal(0, _graph.Server.SentCount);
    }

    [Fact]
    public async Task Sending_when_three_drafts_share_the_message_id_sends_one_message_and_leaves_no_draft()
    {
        var transport = _graph.Transport();
        var message = Messages.Sample();
        await transport.SaveDraftAsync(message, CancellationToken.None);
        await CreateDraftDirectlyAsync(message.MessageId);
        await CreateDraftDirectlyAsync(message.MessageId);
        var approved = message with { TextBody = "Approved wording\r\n" };

        var result = await transport.SendAsync(approved, CancellationToken.None);

        Assert.Empty(_graph.Server.Violations);
        Assert.Equal(1, _graph.Server.SentCountFor(message.MessageId));
        Assert.Equal(1, _graph.Server.SentCount);
        Assert.DoesNotContain(_graph.Server.Drafts, d => d.InternetMessageId == message.MessageId);
        Assert.Empty(_graph.Server.Drafts);
        Assert.Equal(2, _graph.Server.Deleted.Count);
        var sent = Assert.Single(_graph.Server.SentItems);
        Assert.Equal(message.Subject, sent.Subject);
        Assert.Equal("Approved wording\r\n", sent.BodyContent);
        Assert.Single(_graph.Server.RequestsTo(FakeGraphRoute.SendMessage));
        Assert.StartsWith($"graph:conversation/{sent.ConversationId}/message/", result.Location, StringComparison.Ordinal);

        // Sending it again finds it sent and sends nothing more.
        await transport.SendAsync(approved, CancellationToken.None);
        Assert.Equal(1, _graph.Server.SentCountFor(message.MessageId));
        Assert.Single(_graph.Server.RequestsTo(FakeGraphRoute.SendMessage));
    }

    [Fact]
    public async Task An_extra_draft_already_gone_when_saving_counts_as_deleted_and_the_first_is_updated()
    {
        var transport = _graph.Transport();
        var message = Messages.Sample();
        var kept = await transport.SaveDraftAsync(message, CancellationToken.None);
        await CreateDraftDirectlyAsync(message.MessageId);
        await CreateDraftDirectlyAsync(message.MessageId);

        // The first DELETE finds its draft gone, as when the candidate deleted it between the lookup and the delete.
        _graph.Server.EnqueueFault(FakeGraphRoute.DeleteMessage, FakeGraphFault.Error(404, "ErrorItemNotFound", "The specified object was not found in the store."));

        var saved = await transport.SaveDraftAsync(message with { Subject = "Second version" }, CancellationToken.None);

        Assert.Equal(kept, saved);
        Assert.Equal(2, _graph.Server.RequestsTo(FakeGraphRoute.DeleteMessage).Count);
        Assert.Single(_graph.Server.Deleted);
        Assert.Equal("Second version", _graph.Server.Drafts.Single(d => d.Id == kept.Id).Subject);
        Assert.Empty(_graph.Server.Violations);
    }

    [Theory]
    [InlineData(409)]
    [InlineData(412)]
    public async Task A_conflict_deleting_an_extra_draft_before_a_send_is_not_accepted_and_nothing_is_sent(int status)
    {
        var transport = _graph.Transport();
        var message = Messages.Sample();
        await transport.SaveDraftAsync(message, CancellationToken.None);
        await CreateDraftDirectlyAsync(message.MessageId);
        _graph.Server.EnqueueFault(FakeGraphRoute.DeleteMessage, FakeGraphFault.Error(status, "ErrorIrresolvableConflict", "The change key passed in the request does not match the current change key for the item."));

        var failure = await Assert.ThrowsAsync<MailNotAcceptedException>(() => transport.SendAsync(message, CancellationToken.None));

        Assert.Contains($"{status} ErrorIrresolvableConflict", failure.Message, StringComparison.Ordinal);
        Assert.Single(_graph.Server.RequestsTo(FakeGraphRoute.DeleteMessage));
        Assert.Empty(_graph.Server.RequestsTo(FakeGraphRoute.UpdateMessage));
        Assert.Empty(_graph.Server.RequestsTo(FakeGraphRoute.SendMessage));
        Assert.Equal(2, _graph.Server.Drafts.Count);
        Assert.Empty(_graph.Server.Deleted);
        Assert.Equal(0, _graph.Server.SentCount);
    }

    [Theory]
    [InlineData(409)]
    [InlineData(412)]
    public async Task A_conflicting_delete_is_not_accepted_and_the_draft_stays(int status)
    {
        var transport = _graph.Transport();
        var message = Messages.Sample();
        await transport.SaveDraftAsync(message, CancellationToken.None);
        _graph.Server.EnqueueFault(FakeGraphRoute.DeleteMessage, FakeGraphFault.Error(status, "ErrorIrresolvableConflict", "The change key passed in the request does not match the current change key for the item."));

        var failure = await Assert.ThrowsAsync<MailNotAcceptedException>(() => transport.DeleteDraftsAsync(message.MessageId, CancellationToken.None));

        Assert.Contains($"{status} ErrorIrresolvableConflict", failure.Message, StringComparison.Ordinal);
        Assert.Single(_graph.Server.RequestsTo(FakeGraphRoute.DeleteMessage));
        Assert.Single(_graph.Server.Drafts);
        Assert.Empty(_graph.Server.Deleted);
    }

    /// <summary>A second draft with the same internetMessageId, as another client (or a copy in Outlook) could make it.</summary>
    private async Task CreateDraftDirectlyAsync(string internetMessageId)
    {
        var body = new JsonObject
        {
            ["subject"] = "Another draft",
            ["internetMessageId"] = internetMessageId,
            ["toRecipients"] = new JsonArray(new JsonObject { ["emailAddress"] = new JsonObject { ["address"] = "jamie@hiring.example.org" } }),
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"{_graph.Server.BaseUrl}/users/{GraphFixture.Mailbox}/messages"))
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _graph.Server.AccessToken);
        using var response = await _http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}
