using Microsoft.Extensions.Options;
using Microsoft.Graph.Models;
using Microsoft.Graph.Users.Item;

namespace FollowUpFlow.Mail;

/// <summary>
/// What reply tracking asks of Graph: a change-notification subscription on the mailbox's Inbox (created, renewed,
/// recreated when Graph dropped it), one message by its id, and the messages of a conversation.
/// </summary>
public sealed class GraphInboxClient
{
    /// <summary>
    /// Graph's documented longest subscription on Outlook messages: 4,230 minutes (under three days). Graph says it will
    /// refuse a longer one, so nothing longer is ever asked for.
    /// </summary>
    public static readonly TimeSpan MaxSubscriptionLifetime = TimeSpan.FromMinutes(4_230);

    /// <summary>Graph refuses a longer clientState.</summary>
    public const int MaxClientStateLength = 128;

    // Graph's own example uses no more; a conversation with more messages is read page by page.
    private const int ConversationPageSize = 50;

    // A conversation longer than this is not an interview thread; reading on would only cost calls.
    private const int MaxConversationPages = 10;

    private static readonly string[] MessageFields =
        ["id", "conversationId", "internetMessageId", "from", "subject", "receivedDateTime", "uniqueBody", "body", "isDraft"];

    private readonly GraphMailClient _client;
    private readonly UserItemRequestBuilder _mailbox;
    private readonly string _mailboxName;

    public GraphInboxClient(GraphMailClient client, IOptions<GraphMailOptions> options)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        GraphMailOptionsValidator.ThrowIfInvalid(options.Value);
        _client = client;
        _mailboxName = options.Value.Mailbox;
        _mailbox = client.Client.Users[_mailboxName];
    }

    /// <summary>The mailbox's address or id, as configured.</summary>
    public string Mailbox => _mailboxName;

    /// <summary>The Inbox's new messages, as Graph names the resource.</summary>
    public string InboxResource => $"users/{_mailboxName}/mailFolders('Inbox')/messages";

    /// <summary>
    /// Subscribes to messages created in the Inbox. Graph first posts a validation request to the URL (and to the
    /// lifecycle URL, here the same one) and creates the subscription only once it was answered.
    /// </summary>
    public async Task<GraphSubscriptionInfo> CreateSubscriptionAsync(Uri notificationUrl, string clientState, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notificationUrl);
        ArgumentException.ThrowIfNullOrEmpty(clientState);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(clientState.Length, MaxClientStateLength, nameof(clientState));
        var created = await _client.Client.Subscriptions.PostAsync(
            new Subscription
            {
                ChangeType = "created",
                NotificationUrl = notificationUrl.AbsoluteUri,
                LifecycleNotificationUrl = notificationUrl.AbsoluteUri,
                Resource = InboxResource,
                ExpirationDateTime = expiresAt,
                ClientState = clientState,
            },
            cancellationToken: cancellationToken) ?? throw new InvalidOperationException("Graph created the subscription but answered without it.");
        return new GraphSubscriptionInfo(
            created.Id ?? throw new InvalidOperationException("Graph answered with a subscription without an id."),
            created.ExpirationDateTime ?? expiresAt);
    }

    /// <summary>Moves the subscription's expiry; null when Graph no longer has it (it must be created again).</summary>
    public async Task<DateTimeOffset?> RenewSubscriptionAsync(string subscriptionId, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(subscriptionId);
        try
        {
            var renewed = await _client.Client.Subscriptions[subscriptionId].PatchAsync(new Subscription { ExpirationDateTime = expiresAt }, cancellationToken: cancellationToken);
            return renewed?.ExpirationDateTime ?? expiresAt;
        }
        catch (Exception exception) when (GraphErrors.IsNotFound(exception))
        {
            return null;
        }
    }

    /// <summary>One message by its Graph id; null when it is gone (deleted or moved since the notification).</summary>
    public async Task<GraphInboxMessage?> GetMessageAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        try
        {
            var message = await _mailbox.Messages[id].GetAsync(
                request =>
                {
                    request.QueryParameters.Select = MessageFields;
                    request.Headers.Add("Prefer", "outlook.body-content-type=\"text\"");
                },
                cancellationToken);
            return message is null ? null : ToInboxMessage(message);
        }
        catch (Exception exception) when (GraphErrors.IsNotFound(exception))
        {
            return null;
        }
    }

    /// <summary>Every message of a conversation, anywhere in the mailbox (the candidate's own sent ones included).</summary>
    public async Task<IReadOnlyList<GraphInboxMessage>> ListConversationAsync(string conversationId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        var found = new List<GraphInboxMessage>();

        // No $orderby: Graph refuses one on a property the $filter does not name first, and the order does not matter here.
        var page = await _mailbox.Messages.GetAsync(
            request =>
            {
                request.QueryParameters.Filter = GraphFilters.ConversationIdEquals(conversationId);
                request.QueryParameters.Select = MessageFields;
                request.QueryParameters.Top = ConversationPageSize;
                request.Headers.Add("Prefer", "outlook.body-content-type=\"text\"");
            },
            cancellationToken);
        for (var pages = 1; page is not null; pages++)
        {
            found.AddRange((page.Value ?? []).Select(ToInboxMessage));
            if (page.OdataNextLink is not { Length: > 0 } next || pages >= MaxConversationPages)
            {
                break;
            }

            page = await _mailbox.Messages.WithUrl(next).GetAsync(
                request => request.Headers.Add("Prefer", "outlook.body-content-type=\"text\""),
                cancellationToken);
        }

        return found;
    }

    private static GraphInboxMessage ToInboxMessage(Message message)
    {
        var unique = message.UniqueBody?.Content;
        return new GraphInboxMessage(
            message.Id ?? throw new InvalidOperationException("Graph answered with a message without an id."),
            message.ConversationId,
            message.InternetMessageId,
            message.From?.EmailAddress?.Address,
            message.From?.EmailAddress?.Name,
            message.Subject ?? "",
            message.ReceivedDateTime,
            string.IsNullOrWhiteSpace(unique) ? message.Body?.Content ?? "" : unique,
            message.IsDraft == true);
    }
}
