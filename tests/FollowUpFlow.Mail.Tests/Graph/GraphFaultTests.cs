using System.Diagnostics;
using FollowUpFlow.Mail.Tests.Support;
using FollowUpFlow.Testing.Fakes;

namespace FollowUpFlow.Mail.Tests.Graph;

public sealed class GraphFaultTests : IAsyncLifetime
{
    private GraphFixture _graph = null!;

    public async Task InitializeAsync() => _graph = await GraphFixture.StartAsync();

    public async Task DisposeAsync() => await _graph.DisposeAsync();

    [Fact]
    public async Task A_send_whose_connection_drops_after_it_left_is_unknown_then_found_sent_and_never_sent_twice()
    {
        var transport = _graph.Transport();
        var message = Messages.Sample();
        _graph.Server.EnqueueFault(FakeGraphRoute.SendMessage, FakeGraphFault.DropConnectionAfterHandling());

        var failure = await Record.ExceptionAsync(() => transport.SendAsync(message, CancellationToken.None));

        Assert.NotNull(failure);
        Assert.IsNotType<MailRefusedException>(failure);
        Assert.IsNotType<MailNotAcceptedException>(failure);
        Assert.Contains(_graph.Logger.Lines, line => line.Contains("unknown", StringComparison.Ordinal));
        Assert.Equal(SendCheck.Sent, await transport.CheckSentAsync(message.MessageId, CancellationToken.None));

        var retried = await transport.SendAsync(message, CancellationToken.None);

        Assert.Equal(1, _graph.Server.SentCountFor(message.MessageId));
        Assert.Single(_graph.Server.RequestsTo(FakeGraphRoute.SendMessage));
        Assert.Equal(GraphFixture.Now, retried.SentAt);
        Assert.Empty(_graph.Server.Violations);
    }

    [Fact]
    public async Task A_send_still_in_the_outbox_counts_as_sent_and_a_retry_sends_nothing()
    {
        // Exchange moves a sent message to Sent Items only after a while; a retry in between must not send it again.
        var transport = _graph.Transport();
        var message = Messages.Sample();
        _graph.Server.HoldSentInOutbox = true;
        _graph.Server.EnqueueFault(FakeGraphRoute.SendMessage, FakeGraphFault.DropConnectionAfterHandling());

        await Record.ExceptionAsync(() => transport.SendAsync(message, CancellationToken.None));

        Assert.Empty(_graph.Server.SentItems);
        Assert.Equal(SendCheck.Sent, await transport.CheckSentAsync(message.MessageId, CancellationToken.None));
        await transport.SendAsync(message, CancellationToken.None);
        _graph.Server.DeliverOutbox();
        Assert.Equal(1, _graph.Server.SentCountFor(message.MessageId));
        Assert.Single(_graph.Server.SentItems);
        Assert.Empty(_graph.Server.Drafts);
        Assert.Empty(_graph.Server.Violations);
    }

    [Fact]
    public async Task A_gateway_timeout_after_the_send_left_is_retried_by_the_sdk_and_found_in_sent_items_not_sent_twice()
    {
        var message = Messages.Sample();
        _graph.Server.EnqueueFault(FakeGraphRoute.SendMessage, FakeGraphFault.GatewayTimeoutAfterHandling(retryAfterSeconds: 0));

        var result = await _graph.Transport().SendAsync(message, CancellationToken.None);

        // The SDK resent /send; Graph no longer knew the draft (404), and Sent Items had it.
        Assert.Equal(2, _graph.Server.RequestsTo(FakeGraphRoute.SendMessage).Count);
        Assert.Equal(1, _graph.Server.SentCountFor(message.MessageId));
        Assert.Equal(Assert.Single(_graph.Server.SentItems).ConversationId, result.Location.Split('/')[1]);
    }

    [Fact]
    public async Task A_429_is_retried_after_the_seconds_retry_after_names()
    {
        // The SDK's retry handler waits with Task.Delay and takes no TimeProvider, and Retry-After is in whole seconds,
        // so one real second is the shortest wait that shows the header is honoured (the handler's own default is 3 s).
        var message = Messages.Sample();
        _graph.Server.EnqueueFault(FakeGraphRoute.SendMessage, FakeGraphFault.Throttled(retryAfterSeconds: 1));

        await _graph.Transport().SendAsync(message, CancellationToken.None);

        var sends = _graph.Server.RequestsTo(FakeGraphRoute.SendMessage);
        Assert.Equal(2, sends.Count);
        var waited = sends[1].ReceivedAfterStart - sends[0].ReceivedAfterStart;
        Assert.InRange(waited, TimeSpan.FromSeconds(0.95), TimeSpan.FromSeconds(2.9));
        Assert.Equal(1, _graph.Server.SentCountFor(message.MessageId));
        Assert.Empty(_graph.Server.Violations);
    }

    [Fact]
    public async Task Throttling_that_outlasts_the_retries_is_not_accepted_and_nothing_is_sent()
    {
        var message = Messages.Sample();
        for (var i = 0; i < 3; i++)
        {
            _graph.Server.EnqueueFault(FakeGraphRoute.SendMessage, FakeGraphFault.Throttled(retryAfterSeconds: 0));
        }

        var failure = await Assert.ThrowsAsync<MailNotAcceptedException>(() => _graph.Transport(o => o.MaxRetries = 2).SendAsync(message, CancellationToken.None));

        Assert.Contains("429", failure.Message, StringComparison.Ordinal);
        Assert.Equal(3, _graph.Server.RequestsTo(FakeGraphRoute.SendMessage).Count);
        Assert.Equal(0, _graph.Server.SentCount);
        Assert.Equal(SendCheck.NotSent, await _graph.Transport().CheckSentAsync(message.MessageId, CancellationToken.None));
    }

    [Fact]
    public async Task An_unavailable_graph_while_saving_the_draft_is_not_accepted()
    {
        _graph.Server.EnqueueFault(FakeGraphRoute.CreateMessage, FakeGraphFault.Unavailable(retryAfterSeconds: 0));

        await Assert.ThrowsAsync<MailNotAcceptedException>(() =>
            _graph.Transport(o => o.MaxRetries = 0).SendAsync(Messages.Sample(), CancellationToken.None));

        Assert.Empty(_graph.Server.Drafts);
        Assert.Equal(0, _graph.Server.SentCount);
    }

    [Fact]
    public async Task A_503_then_success_is_retried_by_the_sdk()
    {
        _graph.Server.EnqueueFault(FakeGraphRoute.ListMailbox, FakeGraphFault.Unavailable(retryAfterSeconds: 0));

        var stopwatch = Stopwatch.StartNew();
        await _graph.Transport().SendAsync(Messages.Sample(), CancellationToken.None);

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(2.5), "Retry-After: 0 must not fall back to the 3 s default delay.");
        Assert.Equal(1, _graph.Server.SentCount);
    }

    [Fact]
    public async Task A_400_is_a_refusal_carrying_graphs_code_and_message()
    {
        _graph.Server.EnqueueFault(FakeGraphRoute.CreateMessage, FakeGraphFault.Error(400, "ErrorInvalidRecipients", "At least one recipient is not valid."));

        var refused = await Assert.ThrowsAsync<MailRefusedException>(() => _graph.Transport().SendAsync(Messages.Sample(), CancellationToken.None));

        Assert.Contains("400 ErrorInvalidRecipients: At least one recipient is not valid.", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, _graph.Server.SentCount);
    }

    [Fact]
    public async Task A_403_at_send_is_a_refusal()
    {
        _graph.Server.EnqueueFault(FakeGraphRoute.SendMessage, FakeGraphFault.Error(403, "ErrorAccessDenied", "Access is denied. Check credentials and try again."));

        var refused = await Assert.ThrowsAsync<MailRefusedException>(() => _graph.Transport().SendAsync(Messages.Sample(), CancellationToken.None));

        Assert.Contains("ErrorAccessDenied", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, _graph.Server.SentCount);

        // A refused draft will never be sent under its id (an approval again uses a new one): it is not left in Drafts.
        Assert.Empty(_graph.Server.Drafts);
        Assert.Equal(Messages.Sample().MessageId, Assert.Single(_graph.Server.Deleted).InternetMessageId);
    }

    [Fact]
    public async Task A_refusal_whose_draft_cannot_be_deleted_is_still_the_refusal()
    {
        _graph.Server.EnqueueFault(FakeGraphRoute.SendMessage, FakeGraphFault.Error(400, "ErrorInvalidRecipients", "At least one recipient is not valid."));
        _graph.Server.EnqueueFault(FakeGraphRoute.DeleteMessage, FakeGraphFault.Error(403, "ErrorAccessDenied", "Access is denied. Check credentials and try again."));

        var refused = await Assert.ThrowsAsync<MailRefusedException>(() => _graph.Transport().SendAsync(Messages.Sample(), CancellationToken.None));

        Assert.Contains("ErrorInvalidRecipients", refused.Message, StringComparison.Ordinal);
        Assert.Single(_graph.Server.Drafts);
        Assert.Equal(0, _graph.Server.SentCount);
    }

    [Fact]
    public async Task A_mailbox_graph_does_not_know_is_a_refusal()
    {
        var refused = await Assert.ThrowsAsync<MailRefusedException>(() =>
            _graph.Transport(o => o.Mailbox = "nobody@contoso.example").SendAsync(Messages.Sample(), CancellationToken.None));

        Assert.Contains("404 ErrorInvalidUser", refused.Message, StringComparison.Ordinal);
        Assert.Equal(SendCheck.NotSent, await _graph.Transport().CheckSentAsync(Messages.Sample().MessageId, CancellationToken.None));
    }

    [Fact]
    public async Task A_500_at_send_leaves_the_outcome_unknown()
    {
        _graph.Server.EnqueueFault(FakeGraphRoute.SendMessage, FakeGraphFault.Error(500, "InternalServerError", "Something went wrong."));

        var failure = await Record.ExceptionAsync(() => _graph.Transport().SendAsync(Messages.Sample(), CancellationToken.None));

        Assert.NotNull(failure);
        Assert.IsNotType<MailRefusedException>(failure);
        Assert.IsNotType<MailNotAcceptedException>(failure);
    }

    [Fact]
    public async Task A_500_before_the_send_is_not_accepted()
    {
        _graph.Server.EnqueueFault(FakeGraphRoute.ListDrafts, FakeGraphFault.Error(500, "InternalServerError", "Something went wrong."));

        await Assert.ThrowsAsync<MailNotAcceptedException>(() => _graph.Transport().SendAsync(Messages.Sample(), CancellationToken.None));
        Assert.Equal(0, _graph.Server.SentCount);
    }

    [Fact]
    public async Task A_404_at_send_for_a_message_that_did_not_leave_is_not_accepted_and_a_retry_sends_it_once()
    {
        var transport = _graph.Transport();
        var message = Messages.Sample();
        _graph.Server.EnqueueFault(FakeGraphRoute.SendMessage, FakeGraphFault.Error(404, "ErrorItemNotFound", "The specified object was not found in the store."));

        var failure = await Assert.ThrowsAsync<MailNotAcceptedException>(() => transport.SendAsync(message, CancellationToken.None));

        // The mailbox was asked again after the 404 (once before the save, once after) and had nothing sent.
        Assert.Contains(message.MessageId, failure.Message, StringComparison.Ordinal);
        Assert.NotNull(failure.InnerException);
        Assert.Equal(2, _graph.Server.RequestsTo(FakeGraphRoute.ListMailbox).Count);
        Assert.Single(_graph.Server.RequestsTo(FakeGraphRoute.SendMessage));
        Assert.Equal(0, _graph.Server.SentCount);
        Assert.Empty(_graph.Server.SentItems);
        Assert.DoesNotContain(_graph.Logger.Lines, line => line.Contains("unknown", StringComparison.Ordinal));
        Assert.Equal(SendCheck.NotSent, await transport.CheckSentAsync(message.MessageId, CancellationToken.None));

        var retried = await transport.SendAsync(message, CancellationToken.None);

        Assert.Equal(1, _graph.Server.SentCountFor(message.MessageId));
        Assert.Equal(2, _graph.Server.RequestsTo(FakeGraphRoute.SendMessage).Count);
        Assert.Empty(_graph.Server.Drafts);
        var sent = Assert.Single(_graph.Server.SentItems);
        Assert.Equal(message.MessageId, sent.InternetMessageId);
        Assert.StartsWith($"graph:conversation/{sent.ConversationId}/message/", retried.Location, StringComparison.Ordinal);

        // The retry updated the draft the first attempt had left, rather than making a second one.
        Assert.Single(_graph.Server.RequestsTo(FakeGraphRoute.CreateMessage));
        Assert.Single(_graph.Server.RequestsTo(FakeGraphRoute.UpdateMessage));
        Assert.Empty(_graph.Server.Violations);
    }

    [Fact]
    public async Task A_draft_deleted_in_the_mailbox_before_its_send_is_not_accepted_and_a_retry_saves_and_sends_it_once()
    {
        var transport = _graph.Transport();
        var message = Messages.Sample();
        var approved = message with { TextBody = "Approved wording\r\n" };
        await transport.SaveDraftAsync(message, CancellationToken.None);

        // The candidate deletes the draft in Outlook after the transport found it and before its /send: Graph answers 404.
        _graph.Server.EnqueueFault(FakeGraphRoute.SendMessage, FakeGraphFault.Error(404, "ErrorItemNotFound", "The specified object was not found in the store."));
        await Assert.ThrowsAsync<MailNotAcceptedException>(() => transport.SendAsync(approved, CancellationToken.None));

        // The fake answered the 404 without removing the draft; remove it now, so the mailbox is as the candidate left it.
        Assert.Equal(1, await transport.DeleteDraftsAsync(message.MessageId, CancellationToken.None));
        Assert.Empty(_graph.Server.Drafts);
        Assert.Equal(0, _graph.Server.SentCount);

        var retried = await transport.SendAsync(approved, CancellationToken.None);

        // The retry found no draft, saved the approved message again and sent that one.
        Assert.Equal(2, _graph.Server.RequestsTo(FakeGraphRoute.CreateMessage).Count);
        Assert.Equal(1, _graph.Server.SentCountFor(message.MessageId));
        Assert.Empty(_graph.Server.Drafts);
        var sent = Assert.Single(_graph.Server.SentItems);
        Assert.Equal(message.MessageId, sent.InternetMessageId);
        Assert.Equal("Approved wording\r\n", sent.BodyContent);
        Assert.StartsWith($"graph:conversation/{sent.ConversationId}/message/", retried.Location, StringComparison.Ordinal);
        Assert.Empty(_graph.Server.Violations);
    }

    [Theory]
    [InlineData(409)]
    [InlineData(412)]
    public async Task A_conflict_on_updating_the_draft_is_not_accepted_and_the_draft_keeps_its_content(int status)
    {
        var transport = _graph.Transport();
        var message = Messages.Sample();
        await transport.SaveDraftAsync(message, CancellationToken.None);
        _graph.Server.EnqueueFault(FakeGraphRoute.UpdateMessage, ChangeKeyConflict(status));

        var failure = await Assert.ThrowsAsync<MailNotAcceptedException>(() =>
            transport.SaveDraftAsync(message with { Subject = "Second version" }, CancellationToken.None));

        Assert.Contains($"{status} ErrorIrresolvableConflict", failure.Message, StringComparison.Ordinal);
        Assert.Single(_graph.Server.RequestsTo(FakeGraphRoute.UpdateMessage));
        var draft = Assert.Single(_graph.Server.Drafts);
        Assert.Equal(message.Subject, draft.Subject);
        Assert.Equal(0, draft.UpdateCount);
        Assert.Contains(_graph.Logger.Lines, line => line.Contains("1206", StringComparison.Ordinal) && line.Contains(message.MessageId, StringComparison.Ordinal));
        Assert.Empty(_graph.Server.Violations);
    }

    [Theory]
    [InlineData(409)]
    [InlineData(412)]
    public async Task A_conflict_on_updating_the_draft_before_the_send_is_not_accepted_nothing_is_sent_and_a_retry_sends_once(int status)
    {
        var transport = _graph.Transport();
        var message = Messages.Sample();
        await transport.SaveDraftAsync(message, CancellationToken.None);
        _graph.Server.EnqueueFault(FakeGraphRoute.UpdateMessage, ChangeKeyConflict(status));

        await Assert.ThrowsAsync<MailNotAcceptedException>(() => transport.SendAsync(message, CancellationToken.None));

        Assert.Empty(_graph.Server.RequestsTo(FakeGraphRoute.SendMessage));
        Assert.Equal(0, _graph.Server.SentCount);
        Assert.Single(_graph.Server.Drafts);

        await transport.SendAsync(message, CancellationToken.None);

        Assert.Equal(1, _graph.Server.SentCountFor(message.MessageId));
        Assert.Empty(_graph.Server.Drafts);
        Assert.Empty(_graph.Server.Violations);
    }

    [Theory]
    [InlineData(409)]
    [InlineData(412)]
    public async Task A_conflict_at_send_is_still_a_refusal(int status)
    {
        var message = Messages.Sample();
        _graph.Server.EnqueueFault(FakeGraphRoute.SendMessage, ChangeKeyConflict(status));

        var refused = await Assert.ThrowsAsync<MailRefusedException>(() => _graph.Transport().SendAsync(message, CancellationToken.None));

        Assert.Contains($"{status} ErrorIrresolvableConflict", refused.Message, StringComparison.Ordinal);
        Assert.Single(_graph.Server.RequestsTo(FakeGraphRoute.SendMessage));
        Assert.Equal(0, _graph.Server.SentCount);
        Assert.Empty(_graph.Server.Drafts);
        Assert.Equal(message.MessageId, Assert.Single(_graph.Server.Deleted).InternetMessageId);
        Assert.Empty(_graph.Server.Violations);
    }

    /// <summary>What Exchange answers a change that met another one: 409, or 412 when the change key no longer matches.</summary>
    private static FakeGraphFault ChangeKeyConflict(int status) =>
        FakeGraphFault.Error(status, "ErrorIrresolvableConflict", "The change key passed in the request does not match the current change key for the item.");
}
