using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace FollowUpFlow.Testing.Fakes;

/// <summary>A change-notification subscription as the fake holds it.</summary>
public sealed record FakeGraphSubscription(
    string Id,
    string ChangeType,
    string Resource,
    Uri NotificationUrl,
    Uri? LifecycleNotificationUrl,
    DateTimeOffset ExpirationDateTime,
    string? ClientState);

/// <summary>
/// Subscriptions (create with Graph's validation handshake to the notification URL, renew, delete, checked as Graph
/// checks them) and the delivery of incoming mail with its change notification, in Graph's JSON shapes.
/// </summary>
public sealed partial class FakeGraphServer
{
    /// <summary>Graph's documented longest subscription on Outlook messages: 4,230 minutes (under three days).</summary>
    public static readonly TimeSpan MaxMessageSubscription = TimeSpan.FromMinutes(4_230);

    public const string TenantId = "00000000-0000-0000-0000-0000000000aa";

    private static readonly HashSet<string> ChangeTypes = new(StringComparer.Ordinal) { "created", "updated", "deleted" };

    private readonly Dictionary<string, FakeGraphSubscription> _subscriptions = new(StringComparer.Ordinal);
    private readonly List<FakeGraphSubscription> _removedSubscriptions = [];
    private HttpClient? _notificationClient;

    /// <summary>
    /// How the fake reaches notification URLs, for the handshake and for notifications: a plain HttpClient unless a
    /// test gives one (an in-process test server's, say). Graph gives the handshake 10 seconds.
    /// </summary>
    public HttpClient NotificationClient
    {
        get => _notificationClient ??= new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        set => _notificationClient = value;
    }

    public IReadOnlyList<FakeGraphSubscription> Subscriptions
    {
        get
        {
            lock (_gate)
            {
                return [.. _subscriptions.Values];
            }
        }
    }

    /// <summary>The answers the notification URLs gave, in order: handshakes and notifications.</summary>
    public IReadOnlyList<(string Kind, HttpStatusCode Status, string? ContentType, string Body)> NotificationAnswers
    {
        get
        {
            lock (_gate)
            {
                return [.. _notificationAnswers];
            }
        }
    }

    private readonly List<(string Kind, HttpStatusCode Status, string? ContentType, string Body)> _notificationAnswers = [];

    /// <summary>Puts a message into the mailbox as delivered mail (the Inbox by default), in a conversation.</summary>
    public FakeGraphMessage AddIncoming(string conversationId, string fromAddress, string? fromName, string subject, string body, string? internetMessageId = null, string folder = InboxFolder)
    {
        var now = _timeProvider.GetUtcNow();
        var message = new FakeGraphMessage
        {
            Id = NewId("AAMkAGI2"),
            ConversationId = conversationId,
            Folder = folder,
            InternetMessageId = internetMessageId ?? $"<{Guid.NewGuid():N}@mail.example>",
            IsDraft = false,
            Subject = subject,
            BodyContentType = "text",
            BodyContent = body,
            UniqueBodyContent = body,
            From = new FakeGraphRecipient(fromAddress, fromName),
            ToRecipients = [new FakeGraphRecipient(Mailbox, null)],
            ReceivedDateTime = now,
            SentDateTime = now,
            CreatedDateTime = now,
            LastModifiedDateTime = now,
        };
        lock (_gate)
        {
            _messages.Add(message);
        }

        return message;
    }

    /// <summary>A reply arrives in the Inbox in <paramref name="conversationId"/> and every subscription is notified of it.</summary>
    public async Task<(FakeGraphMessage Message, IReadOnlyList<HttpStatusCode> Answers)> DeliverReplyAsync(
        string conversationId, string fromAddress, string? fromName, string subject, string body, CancellationToken cancellationToken = default)
    {
        var message = AddIncoming(conversationId, fromAddress, fromName, subject, body);
        return (message, await NotifyCreatedAsync(message, clientState: null, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// Posts a "created" change notification for the message to each subscription's notification URL, with the
    /// subscription's clientState unless <paramref name="clientState"/> replaces it. Returns the answers.
    /// </summary>
    public async Task<IReadOnlyList<HttpStatusCode>> NotifyCreatedAsync(FakeGraphMessage message, string? clientState, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var answers = new List<HttpStatusCode>();
        foreach (var subscription in Subscriptions)
        {
            var item = new JsonObject
            {
                ["subscriptionId"] = subscription.Id,
                ["subscriptionExpirationDateTime"] = subscription.ExpirationDateTime.ToString("o", CultureInfo.InvariantCulture),
                ["changeType"] = "created",
                ["resource"] = $"Users/{Mailbox}/Messages/{message.Id}",
                ["resourceData"] = new JsonObject
                {
                    ["@odata.type"] = "#Microsoft.Graph.Message",
                    ["@odata.id"] = $"Users/{Mailbox}/Messages/{message.Id}",
                    ["@odata.etag"] = $"W/\"{message.LastModifiedDateTime.UtcTicks}\"",
                    ["id"] = message.Id,
                },
                ["clientState"] = clientState ?? subscription.ClientState,
                ["tenantId"] = TenantId,
            };
            answers.Add(await PostNotificationAsync("notification", subscription.NotificationUrl, item, cancellationToken).ConfigureAwait(false));
        }

        return answers;
    }

    /// <summary>Posts a lifecycle notification (reauthorizationRequired, subscriptionRemoved, missed) for each subscription to its lifecycle URL.</summary>
    public async Task<IReadOnlyList<HttpStatusCode>> SendLifecycleAsync(string lifecycleEvent, CancellationToken cancellationToken = default)
    {
        var answers = new List<HttpStatusCode>();
        var targets = Subscriptions.Concat(lifecycleEvent == "subscriptionRemoved" ? TakeRemoved() : []).ToList();
        foreach (var subscription in targets)
        {
            var item = new JsonObject
            {
                ["subscriptionId"] = subscription.Id,
                ["subscriptionExpirationDateTime"] = subscription.ExpirationDateTime.ToString("o", CultureInfo.InvariantCulture),
                ["tenantId"] = TenantId,
                ["clientState"] = subscription.ClientState,
                ["lifecycleEvent"] = lifecycleEvent,
            };
            answers.Add(await PostNotificationAsync("lifecycle", subscription.LifecycleNotificationUrl ?? subscription.NotificationUrl, item, cancellationToken).ConfigureAwait(false));
        }

        return answers;
    }

    /// <summary>Graph drops the subscription (a password change, say): renewing it answers 404 from now on.</summary>
    public void RemoveSubscription(string id)
    {
        lock (_gate)
        {
            if (_subscriptions.Remove(id, out var removed))
            {
                _removedSubscriptions.Add(removed);
            }
        }
    }

    private List<FakeGraphSubscription> TakeRemoved()
    {
        lock (_gate)
        {
            var removed = _removedSubscriptions.ToList();
            _removedSubscriptions.Clear();
            return removed;
        }
    }

    private async Task<HttpStatusCode> PostNotificationAsync(string kind, Uri url, JsonObject item, CancellationToken cancellationToken)
    {
        var payload = new JsonObject { ["value"] = new JsonArray(item) };
        using var content = new StringContent(payload.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await NotificationClient.PostAsync(url, content, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            _notificationAnswers.Add((kind, response.StatusCode, response.Content.Headers.ContentType?.MediaType, body));
        }

        return response.StatusCode;
    }

    private async Task CreateSubscriptionAsync(HttpContext context, string body)
    {
        if (!await CheckJsonBodyAsync(context, body).ConfigureAwait(false))
        {
            return;
        }

        var problems = new List<string>();
        var read = ReadSubscription(body, forUpdate: false, problems);
        if (problems.Count > 0)
        {
            await ViolationAsync(context, 400, "InvalidRequest", string.Join(" ", problems)).ConfigureAwait(false);
            return;
        }

        // Graph validates each URL before it answers the create: the token back, as text/plain, with 200, in 10 s.
        foreach (var url in new[] { read.NotificationUrl!, read.LifecycleNotificationUrl }.OfType<Uri>().Distinct())
        {
            var failure = await HandshakeAsync(url, context.RequestAborted).ConfigureAwait(false);
            if (failure is not null)
            {
                await ErrorAsync(context, 400, "ValidationError", $"Subscription validation request failed. {failure}").ConfigureAwait(false);
                return;
            }
        }

        var subscription = new FakeGraphSubscription(
            Guid.NewGuid().ToString(), read.ChangeType!, read.Resource!, read.NotificationUrl!, read.LifecycleNotificationUrl, read.ExpirationDateTime!.Value, read.ClientState);
        lock (_gate)
        {
            _subscriptions[subscription.Id] = subscription;
        }

        await JsonAsync(context, 201, SubscriptionJson(subscription)).ConfigureAwait(false);
    }

    private async Task RenewSubscriptionAsync(HttpContext context, string id, string body)
    {
        if (!await CheckJsonBodyAsync(context, body).ConfigureAwait(false))
        {
            return;
        }

        var problems = new List<string>();
        var read = ReadSubscription(body, forUpdate: true, problems);
        if (problems.Count > 0)
        {
            await ViolationAsync(context, 400, "InvalidRequest", string.Join(" ", problems)).ConfigureAwait(false);
            return;
        }

        FakeGraphSubscription? renewed = null;
        lock (_gate)
        {
            if (_subscriptions.TryGetValue(id, out var existing))
            {
                _subscriptions[id] = renewed = existing with { ExpirationDateTime = read.ExpirationDateTime ?? existing.ExpirationDateTime };
            }
        }

        if (renewed is null)
        {
            await ErrorAsync(context, 404, "ResourceNotFound", $"The object was not found. Subscription '{id}' does not exist.").ConfigureAwait(false);
            return;
        }

        await JsonAsync(context, 200, SubscriptionJson(renewed)).ConfigureAwait(false);
    }

    private async Task DeleteSubscriptionAsync(HttpContext context, string id)
    {
        bool removed;
        lock (_gate)
        {
            removed = _subscriptions.Remove(id);
        }

        if (!removed)
        {
            await ErrorAsync(context, 404, "ResourceNotFound", $"The object was not found. Subscription '{id}' does not exist.").ConfigureAwait(false);
            return;
        }

        context.Response.StatusCode = 204;
    }

    private async Task GetMessageAsync(HttpContext context, string id)
    {
        var query = context.Request.Query;
        HashSet<string>? select = null;
        if (query.TryGetValue("$select", out var selectValue))
        {
            select = new HashSet<string>(selectValue.ToString().Split(','), StringComparer.OrdinalIgnoreCase);
            var unknown = select.Where(f => !SelectableProperties.Contains(f)).ToList();
            if (unknown.Count > 0)
            {
                await ViolationAsync(context, 400, "BadRequest", $"Could not find a property named '{unknown[0]}' on type 'microsoft.graph.message'.").ConfigureAwait(false);
                return;
            }
        }

        FakeGraphMessage? found;
        lock (_gate)
        {
            found = _messages.FirstOrDefault(m => m.Id == id);
        }

        if (found is null)
        {
            await ErrorAsync(context, 404, "ErrorItemNotFound", "The specified object was not found in the store.").ConfigureAwait(false);
            return;
        }

        await JsonAsync(context, 200, ToJson(found, select)).ConfigureAwait(false);
    }

    private async Task<string?> HandshakeAsync(Uri url, CancellationToken cancellationToken)
    {
        // Graph's tokens hold spaces and colons: the endpoint must answer them URL-decoded.
        var token = $"Validation: Testing client application reachability for subscription Request-Id: {Guid.NewGuid()}";
        var target = new UriBuilder(url) { Query = "validationToken=" + Uri.EscapeDataString(token) }.Uri;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = new StringContent("", Encoding.UTF8, "text/plain") };
            using var response = await NotificationClient.SendAsync(request, timeout.Token).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false);
            var mediaType = response.Content.Headers.ContentType?.MediaType;
            lock (_gate)
            {
                _notificationAnswers.Add(("handshake", response.StatusCode, mediaType, body));
            }

            if (response.StatusCode != HttpStatusCode.OK)
            {
                return $"Notification endpoint must respond with 200 OK to validation request; it answered {(int)response.StatusCode}.";
            }

            if (!string.Equals(mediaType, "text/plain", StringComparison.OrdinalIgnoreCase))
            {
                return $"The validation response must be text/plain, not '{mediaType}'.";
            }

            return body == token ? null : "The validation response must be the validation token, URL-decoded, and nothing else.";
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return $"The notification endpoint did not answer within 10 seconds: {e.Message}";
        }
    }

    private sealed record SubscriptionBody(string? ChangeType, string? Resource, Uri? NotificationUrl, Uri? LifecycleNotificationUrl, DateTimeOffset? ExpirationDateTime, string? ClientState);

    private SubscriptionBody ReadSubscription(string body, bool forUpdate, List<string> problems)
    {
        string? changeType = null, resource = null, clientState = null;
        Uri? notificationUrl = null, lifecycleUrl = null;
        DateTimeOffset? expiration = null;
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                problems.Add("The body must be a subscription object.");
                return new SubscriptionBody(null, null, null, null, null, null);
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                var text = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : null;
                if (text is null && property.Name != "@odata.type")
                {
                    problems.Add($"{property.Name} must be a JSON string.");
                    continue;
                }

                switch (property.Name)
                {
                    case "@odata.type" when property.Value.GetString() == "#microsoft.graph.subscription":
                        break;
                    case "changeType" when !forUpdate:
                        changeType = text;
                        break;
                    case "resource" when !forUpdate:
                        resource = text;
                        break;
                    case "notificationUrl":
                        notificationUrl = ReadUrl(text!, "notificationUrl", problems);
                        break;
                    case "lifecycleNotificationUrl" when !forUpdate:
                        lifecycleUrl = ReadUrl(text!, "lifecycleNotificationUrl", problems);
                        break;
                    case "clientState" when !forUpdate:
                        clientState = text;
                        break;
                    case "expirationDateTime":
                        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed))
                        {
                            expiration = parsed;
                        }
                        else
                        {
                            problems.Add($"expirationDateTime '{text}' is not a date and time.");
                        }

                        break;
                    default:
                        problems.Add($"Could not find a property named '{property.Name}' on type 'microsoft.graph.subscription'{(forUpdate ? " that can be updated" : "")}.");
                        break;
                }
            }
        }
        catch (JsonException e)
        {
            problems.Add($"The body is not valid JSON: {e.Message}");
            return new SubscriptionBody(null, null, null, null, null, null);
        }

        var now = _timeProvider.GetUtcNow();
        if (expiration is { } expires && (expires <= now || expires > now + MaxMessageSubscription))
        {
            problems.Add($"expirationDateTime must be in the future and at most {MaxMessageSubscription.TotalMinutes} minutes away for messages.");
        }

        if (forUpdate)
        {
            if (expiration is null && notificationUrl is null)
            {
                problems.Add("An update must set expirationDateTime (or notificationUrl).");
            }

            return new SubscriptionBody(null, null, notificationUrl, null, expiration, null);
        }

        if (changeType is null || changeType.Split(',').Any(t => !ChangeTypes.Contains(t)))
        {
            problems.Add($"changeType '{changeType}' must be created, updated or deleted, or a comma-separated list of them.");
        }

        var expected = $"users/{Mailbox}/mailFolders('Inbox')/messages";
        if (resource is null || !string.Equals(resource.TrimStart('/'), expected, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"resource '{resource}' is not a resource the fake serves ({expected}).");
        }

        if (notificationUrl is null)
        {
            problems.Add("notificationUrl is required.");
        }

        if (expiration is null)
        {
            problems.Add("expirationDateTime is required.");
        }

        if (clientState is { Length: > 128 })
        {
            problems.Add("clientState may be at most 128 characters.");
        }

        return new SubscriptionBody(changeType, resource, notificationUrl, lifecycleUrl, expiration, clientState);
    }

    private static Uri? ReadUrl(string text, string name, List<string> problems)
    {
        // Graph delivers only to https; the fake also takes plain http on loopback, where tests listen.
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))
        {
            return uri;
        }

        problems.Add($"{name} must be an https URL (http only on loopback): '{text}'.");
        return null;
    }

    private static JsonObject SubscriptionJson(FakeGraphSubscription subscription) => new()
    {
        ["@odata.context"] = "https://graph.microsoft.com/v1.0/$metadata#subscriptions/$entity",
        ["id"] = subscription.Id,
        ["resource"] = subscription.Resource,
        ["applicationId"] = "00000000-0000-0000-0000-000000000002",
        ["changeType"] = subscription.ChangeType,
        ["clientState"] = subscription.ClientState,
        ["notificationUrl"] = subscription.NotificationUrl.AbsoluteUri,
        ["lifecycleNotificationUrl"] = subscription.LifecycleNotificationUrl?.AbsoluteUri,
        ["expirationDateTime"] = subscription.ExpirationDateTime.ToString("o", CultureInfo.InvariantCulture),
        ["creatorId"] = "00000000-0000-0000-0000-000000000003",
        ["latestSupportedTlsVersion"] = "v1_2",
    };
}
