using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Graph.Models;
using Microsoft.Graph.Users.Item;

namespace FollowUpFlow.Mail;

/// <summary>
/// Sends from the candidate's own Microsoft 365 mailbox through Graph. A message lives first as a draft in the mailbox's
/// Drafts folder, found again by its internetMessageId (Graph lets a draft's id be set); sending it moves it out of
/// Drafts. Every send first asks the whole mailbox for a message with its id that is no longer a draft, so a message id
/// is sent at most once even when an earlier attempt never got its answer.
/// </summary>
public sealed class GraphMailTransport : IMailTransport, IDraftMailbox
{
    private const string DraftsFolder = "Drafts";

    // A message id is unique to one message; more than a couple of matches would already be a fault.
    private const int LookupPageSize = 10;
    private static readonly string[] LookupFields = ["id", "conversationId", "internetMessageId", "isDraft", "sentDateTime"];

    private readonly UserItemRequestBuilder _mailbox;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<GraphMailTransport> _logger;

    public GraphMailTransport(GraphMailClient client, IOptions<GraphMailOptions> options, TimeProvider timeProvider, ILogger<GraphMailTransport> logger)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        GraphMailOptionsValidator.ThrowIfInvalid(options.Value);

        _mailbox = client.Client.Users[options.Value.Mailbox];
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>
    /// Puts the message in the mailbox's Drafts folder, or updates the draft that already has its Message-ID (subject, body,
    /// recipients, reply-to; custom headers stay as first created, because Graph takes them only at creation).
    /// </summary>
    /// <exception cref="MessageAlreadySentException">The message id was already sent: a sent message cannot become a draft again.</exception>
    public Task<GraphDraft> SaveDraftAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        GraphMessageMapper.EnsureSendable(message);
        return CallAsync("saving the draft", message.MessageId, ct => SaveDraftCoreAsync(message, checkSent: true, ct), cancellationToken);
    }

    Task IDraftMailbox.SaveDraftAsync(OutgoingMessage message, CancellationToken cancellationToken) => SaveDraftAsync(message, cancellationToken);

    /// <summary>
    /// Deletes the drafts with this Message-ID, wherever the candidate moved them; a message that left (sent, or waiting in
    /// the Outbox) is never touched. A draft that is already gone counts as deleted.
    /// </summary>
    public async Task<int> DeleteDraftsAsync(string messageId, CancellationToken cancellationToken)
    {
        MessageIds.Validate(messageId, nameof(messageId));
        var found = await CallAsync("looking for its drafts", messageId, ct => FindInMailboxAsync(messageId, ct), cancellationToken);
        var drafts = found?.Value?.Where(m => m.IsDraft == true && m.Id is not null).ToList() ?? [];
        foreach (var draft in drafts)
        {
            await DeleteDraftAsync(draft.Id!, messageId, cancellationToken);
        }

        return drafts.Count;
    }

    /// <summary>Tidies the draft of a refused send; the refusal is what the caller must hear, so a failure here is only logged.</summary>
    private async Task DeleteRefusedDraftAsync(string graphId, string messageId)
    {
        try
        {
            await DeleteDraftAsync(graphId, messageId, CancellationToken.None);
        }
        catch (Exception exception)
        {
            GraphLog.RefusedDraftKept(_logger, messageId, graphId, exception);
        }
    }

    /// <summary>Deletes one draft by its Graph id; one already gone counts as deleted.</summary>
    private async Task DeleteDraftAsync(string graphId, string messageId, CancellationToken cancellationToken)
    {
        try
        {
            await _mailbox.Messages[graphId].DeleteAsync(cancellationToken: cancellationToken);
        }
        catch (Exception exception) when (GraphErrors.IsNotFound(exception))
        {
            // Deleted meanwhile (by the candidate, or by an earlier attempt whose answer was lost).
        }
        catch (Exception exception)
        {
            if (Translated(exception, "deleting the draft", messageId, isSend: false) is { } translated)
            {
                throw translated;
            }

            throw;
        }

        GraphLog.DraftDeleted(_logger, messageId, graphId);
    }

    /// <summary>
    /// Reports the earlier send when Sent Items holds this Message-ID; otherwise saves the message as its draft (so what is
    /// sent is what was approved) and sends that draft. A send that ends without Graph's answer is left as it failed: the
    /// next attempt asks the mailbox before sending.
    /// </summary>
    public async Task<SendResult> SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        GraphMessageMapper.EnsureSendable(message);

        var sent = await FindSentAsync(message.MessageId, cancellationToken);
        if (sent is not null)
        {
            return AlreadySent(message.MessageId, sent);
        }

        var draft = await CallAsync("saving the draft", message.MessageId, ct => SaveDraftCoreAsync(message, checkSent: false, ct), cancellationToken);
        try
        {
            await _mailbox.Messages[draft.Id].Send.PostAsync(cancellationToken: cancellationToken);
        }
        catch (Exception exception) when (GraphErrors.IsNotFound(exception))
        {
            // The draft is gone: the SDK's retry of a /send whose first answer was lost, or a concurrent send, moved it.
            var sentMeanwhile = await FindSentAsync(message.MessageId, cancellationToken);
            if (sentMeanwhile is not null)
            {
                GraphLog.DraftGoneButSent(_logger, message.MessageId, draft.Id);
                return Result(message.MessageId, sentMeanwhile);
            }

            // Not sent, and the draft it would have sent is gone (deleted in the mailbox meanwhile): nothing left, so a
            // later attempt, which saves the draft again, is safe.
            GraphLog.NotAccepted(_logger, "sending the draft", message.MessageId, GraphErrors.StatusOf(exception));
            throw new MailNotAcceptedException($"Microsoft Graph no longer has the draft of message {message.MessageId} it was asked to send; nothing was sent.", exception);
        }
        catch (Exception exception)
        {
            if (Translated(exception, "sending the draft", message.MessageId, isSend: true) is { } translated)
            {
                if (translated is MailRefusedException)
                {
                    // Refused for good: the draft will never be sent under this id, and an approval again uses a new one.
                    await DeleteRefusedDraftAsync(draft.Id, message.MessageId);
                }

                throw translated;
            }

            GraphLog.SendOutcomeUnknown(_logger, message.MessageId, exception);
            throw;
        }

        GraphLog.MessageSent(_logger, message.MessageId, draft.Id);
        return new SendResult(message.MessageId, _timeProvider.GetUtcNow(), Location(draft.ConversationId, draft.Id), draft.ConversationId);
    }

    /// <summary>Asks the mailbox for the Message-ID: <see cref="SendCheck.Sent"/> or <see cref="SendCheck.NotSent"/>, never Unknown.</summary>
    public async Task<SendCheck> CheckSentAsync(string messageId, CancellationToken cancellationToken)
    {
        MessageIds.Validate(messageId, nameof(messageId));
        return await FindSentAsync(messageId, cancellationToken) is null ? SendCheck.NotSent : SendCheck.Sent;
    }

    /// <summary>The conversation of the message with this Message-ID, draft or sent, anywhere in the mailbox; null when there is none.</summary>
    public async Task<string?> GetConversationIdAsync(string messageId, CancellationToken cancellationToken)
    {
        MessageIds.Validate(messageId, nameof(messageId));
        var found = await CallAsync(
            "looking up the conversation",
            messageId,
            async ct => First(await FindInMailboxAsync(messageId, ct)),
            cancellationToken);
        return found?.ConversationId;
    }

    /// <summary>Where a sent message is: its Graph id and conversation, as <c>graph:conversation/{conversationId}/message/{id}</c>.</summary>
    public static string Location(string conversationId, string graphId) => $"graph:conversation/{conversationId}/message/{graphId}";

    private async Task<GraphDraft> SaveDraftCoreAsync(OutgoingMessage message, bool checkSent, CancellationToken cancellationToken)
    {
        var drafts = await FindInFolderAsync(DraftsFolder, message.MessageId, cancellationToken);
        var existing = First(drafts);
        if (existing is not null)
        {
            if (drafts!.Value!.Count > 1)
            {
                // Left by an attempt whose answer was lost: one draft per id is enough, and the others would be stale.
                GraphLog.SeveralDrafts(_logger, message.MessageId, drafts.Value.Count, existing.Id!);
                foreach (var extra in drafts.Value.Skip(1).Where(d => d.Id is not null))
                {
                    await DeleteDraftAsync(extra.Id!, message.MessageId, cancellationToken);
                }
            }

            var updated = await _mailbox.Messages[existing.Id].PatchAsync(GraphMessageMapper.ForUpdate(message), cancellationToken: cancellationToken);
            var updatedDraft = ToDraft(updated ?? existing);
            GraphLog.DraftUpdated(_logger, message.MessageId, updatedDraft.Id);
            return updatedDraft;
        }

        if (checkSent && await FindSentAsync(message.MessageId, cancellationToken) is not null)
        {
            throw new MessageAlreadySentException(message.MessageId);
        }

        var created = await _mailbox.Messages.PostAsync(GraphMessageMapper.ForCreate(message), cancellationToken: cancellationToken)
            ?? throw new InvalidOperationException($"Graph created the draft of message {message.MessageId} but answered without it.");
        var draft = ToDraft(created);
        GraphLog.DraftCreated(_logger, message.MessageId, draft.Id);
        return draft;
    }

    /// <summary>
    /// A message with this id that is no longer a draft, anywhere in the mailbox: after /send Exchange keeps it in the
    /// Outbox for a while before Sent Items has it, and a retry that looked only in Sent Items then would send it twice.
    /// </summary>
    private Task<Message?> FindSentAsync(string messageId, CancellationToken cancellationToken) =>
        CallAsync(
            "checking whether it was sent",
            messageId,
            async ct => (await FindInMailboxAsync(messageId, ct))?.Value?.FirstOrDefault(m => m.IsDraft == false),
            cancellationToken);

    private SendResult AlreadySent(string messageId, Message sent)
    {
        GraphLog.AlreadySent(_logger, messageId, sent.Id ?? "");
        return Result(messageId, sent);
    }

    private SendResult Result(string messageId, Message sent) =>
        new(messageId, sent.SentDateTime ?? _timeProvider.GetUtcNow(), Location(sent.ConversationId ?? "", sent.Id ?? ""), sent.ConversationId);

    private async Task<T> CallAsync<T>(string operation, string messageId, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call(cancellationToken);
        }
        catch (Exception exception)
        {
            if (Translated(exception, operation, messageId, isSend: false) is { } translated)
            {
                throw translated;
            }

            throw;
        }
    }

    private Exception? Translated(Exception exception, string operation, string messageId, bool isSend)
    {
        var translated = GraphErrors.Translate(exception, operation, messageId, isSend);
        var status = GraphErrors.StatusOf(exception);
        if (translated is MailRefusedException)
        {
            GraphLog.Refused(_logger, operation, messageId, status);
        }
        else if (translated is MailNotAcceptedException)
        {
            GraphLog.NotAccepted(_logger, operation, messageId, status);
        }

        return translated;
    }

    private Task<MessageCollectionResponse?> FindInFolderAsync(string folder, string messageId, CancellationToken cancellationToken) =>
        _mailbox.MailFolders[folder].Messages.GetAsync(
            request =>
            {
                request.QueryParameters.Filter = GraphFilters.InternetMessageIdEquals(messageId);
                request.QueryParameters.Select = LookupFields;
                request.QueryParameters.Top = LookupPageSize;
            },
            cancellationToken);

    private Task<MessageCollectionResponse?> FindInMailboxAsync(string messageId, CancellationToken cancellationToken) =>
        _mailbox.Messages.GetAsync(
            request =>
            {
                request.QueryParameters.Filter = GraphFilters.InternetMessageIdEquals(messageId);
                request.QueryParameters.Select = LookupFields;
                request.QueryParameters.Top = LookupPageSize;
            },
            cancellationToken);

    private static Message? First(MessageCollectionResponse? page) => page?.Value is { Count: > 0 } value ? value[0] : null;

    private static GraphDraft ToDraft(Message message) =>
        new(
            message.Id ?? throw new InvalidOperationException("Graph answered with a message without an id."),
            message.ConversationId ?? throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"Graph answered with message {message.Id} without a conversation id.")));
}
