using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace FollowUpFlow.Testing.Fakes;

/// <summary>
/// A local Microsoft Graph for one mailbox's mail: a Kestrel server on 127.0.0.1 holding Drafts and Sent Items in memory.
/// It serves the calls a mail transport makes (create, update, send and delete a draft; find messages by internetMessageId) and
/// checks them against Graph's documentation: the path under <c>/v1.0/users/{mailbox}/</c>, the bearer token, the JSON
/// body's property names and types, the OData filter's quoting. A departure is answered with Graph's error shape and kept
/// in <see cref="Violations"/>, so a test can assert there were none. Faults are queued per route (<see cref="EnqueueFault"/>).
/// </summary>
public sealed partial class FakeGraphServer : IAsyncDisposable
{
    public const string DraftsFolder = "Drafts";
    public const string SentItemsFolder = "SentItems";
    public const string OutboxFolder = "Outbox";
    public const string InboxFolder = "Inbox";

    /// <summary>Sent messages wait in the Outbox (not yet in Sent Items, no longer drafts) until <see cref="DeliverOutbox"/>, as Exchange's can for seconds.</summary>
    public bool HoldSentInOutbox { get; set; }

    /// <summary>Moves what waits in the Outbox to Sent Items.</summary>
    public void DeliverOutbox()
    {
        lock (_gate)
        {
            for (var i = 0; i < _messages.Count; i++)
            {
                if (_messages[i].Folder == OutboxFolder)
                {
                    _messages[i] = _messages[i] with { Folder = SentItemsFolder };
                }
            }
        }
    }

    private static readonly HashSet<string> KnownQueryOptions = new(StringComparer.Ordinal) { "$filter", "$select", "$top" };

    private static readonly HashSet<string> SelectableProperties = new(StringComparer.OrdinalIgnoreCase)
    {
        "id", "conversationId", "internetMessageId", "isDraft", "sentDateTime", "createdDateTime", "lastModifiedDateTime",
        "subject", "body", "toRecipients", "ccRecipients", "replyTo", "internetMessageHeaders", "parentFolderId",
        "from", "receivedDateTime", "uniqueBody",
    };

    private readonly Lock _gate = new();
    private readonly List<FakeGraphMessage> _messages = [];
    private readonly List<FakeGraphMessage> _deleted = [];
    private readonly List<FakeGraphRequest> _requests = [];
    private readonly List<string> _violations = [];
    private readonly Dictionary<FakeGraphRoute, Queue<FakeGraphFault>> _faults = [];
    private readonly Dictionary<string, int> _sendsByInternetMessageId = new(StringComparer.Ordinal);
    private readonly TimeProvider _timeProvider;
    private readonly Stopwatch _sinceStart = Stopwatch.StartNew();
    private readonly WebApplication _app;
    private int _nextId;

    private FakeGraphServer(WebApplication app, string mailbox, string accessToken, TimeProvider timeProvider)
    {
        _app = app;
        Mailbox = mailbox;
        AccessToken = accessToken;
        _timeProvider = timeProvider;
    }

    /// <summary>The mailbox this Graph knows (user principal name or id); any other answers 404 ErrorInvalidUser.</summary>
    public string Mailbox { get; }

    /// <summary>The only bearer token accepted.</summary>
    public string AccessToken { get; }

    /// <summary>The Graph root to configure, <c>http://127.0.0.1:{port}/v1.0</c>.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    public IReadOnlyList<FakeGraphMessage> Drafts => InFolder(DraftsFolder);

    public IReadOnlyList<FakeGraphMessage> SentItems => InFolder(SentItemsFolder);

    /// <summary>The messages DELETE removed, as they were when deleted (draft or not, in which folder).</summary>
    public IReadOnlyList<FakeGraphMessage> Deleted
    {
        get
        {
            lock (_gate)
            {
                return [.. _deleted];
            }
        }
    }

    public IReadOnlyList<FakeGraphRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Everything that Graph would not have accepted as sent; a correct client leaves this empty.</summary>
    public IReadOnlyList<string> Violations
    {
        get
        {
            lock (_gate)
            {
                return [.. _violations];
            }
        }
    }

    /// <summary>Messages sent, all ids together.</summary>
    public int SentCount
    {
        get
        {
            lock (_gate)
            {
                return _sendsByInternetMessageId.Values.Sum();
            }
        }
    }

    public static async Task<FakeGraphServer> StartAsync(
        string mailbox = "alex@contoso.example",
        string accessToken = "fake-graph-token",
        TimeProvider? timeProvider = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(mailbox);
        ArgumentException.ThrowIfNullOrWhiteSpace(accessToken);

        // The empty builder reads no configuration files and adds no logging: nothing to watch, nothing to print.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new FakeGraphServer(app, mailbox, accessToken, timeProvider ?? TimeProvider.System);
        app.Run(server.HandleAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        server.BaseUrl = new Uri(address.TrimEnd('/') + "/v1.0");
        return server;
    }

    /// <summary>Queues the next answer of a route; queued faults are used in order, one per request.</summary>
    public void EnqueueFault(FakeGraphRoute route, FakeGraphFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        lock (_gate)
        {
            if (!_faults.TryGetValue(route, out var queue))
            {
                _faults[route] = queue = new Queue<FakeGraphFault>();
            }

            queue.Enqueue(fault);
        }
    }

    /// <summary>How many times a message with this internetMessageId was sent.</summary>
    public int SentCountFor(string internetMessageId)
    {
        lock (_gate)
        {
            return _sendsByInternetMessageId.GetValueOrDefault(internetMessageId);
        }
    }

    public IReadOnlyList<FakeGraphRequest> RequestsTo(FakeGraphRoute route) => Requests.Where(r => r.Route == route).ToList();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _notificationClient?.Dispose();
    }

    private IReadOnlyList<FakeGraphMessage> InFolder(string folder)
    {
        lock (_gate)
        {
            return _messages.Where(m => m.Folder == folder).ToList();
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        string body;
        using (var reader = new StreamReader(request.Body, Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        }

        var segments = request.Path.Value!.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var route = Match(request.Method, segments);
        lock (_gate)
        {
            _requests.Add(new FakeGraphRequest(
                request.Method,
                request.Path.Value!,
                context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget,
                route,
                request.Headers.Authorization.ToString() is { Length: > 0 } authorization ? authorization : null,
                request.ContentType,
                body,
                _sinceStart.Elapsed));
        }

        if (request.Headers.Authorization.ToString() != "Bearer " + AccessToken)
        {
            await ViolationAsync(context, 401, "InvalidAuthenticationToken", "Access token is empty or not the expected bearer token.").ConfigureAwait(false);
            return;
        }

        if (route is null)
        {
            await ViolationAsync(context, 400, "BadRequest", $"Unsupported request: {request.Method} {request.Path}.").ConfigureAwait(false);
            return;
        }

        if (segments[1] == "users" && !string.Equals(segments[2], Mailbox, StringComparison.OrdinalIgnoreCase))
        {
            // A real answer for a mailbox that does not exist, not a client mistake.
            await ErrorAsync(context, 404, "ErrorInvalidUser", $"The requested user '{segments[2]}' is invalid.").ConfigureAwait(false);
            return;
        }

        var fault = NextFault(route.Value);
        if (fault is { HandlesBeforeAnswering: true })
        {
            var discarded = new DefaultHttpContext();
            discarded.Request.Method = request.Method;
            discarded.Request.ContentType = request.ContentType;
            discarded.Request.Path = request.Path;
            discarded.Response.Body = Stream.Null;
            await HandleRouteAsync(discarded, route.Value, segments, body).ConfigureAwait(false);
        }

        if (fault is { DropsConnectionAfterHandling: false })
        {
            if (fault.RetryAfter is not null)
            {
                context.Response.Headers.RetryAfter = fault.RetryAfter;
            }

            await ErrorAsync(context, fault.StatusCode, fault.ErrorCode, fault.ErrorMessage).ConfigureAwait(false);
            return;
        }

        if (fault is { DropsConnectionAfterHandling: true })
        {
            // The work is done and recorded, but whatever it answers stays in memory and the connection is cut: the
            // client gets not one byte back, as when a connection breaks at the worst moment.
            context.Response.Body = new MemoryStream();
            await HandleRouteAsync(context, route.Value, segments, body).ConfigureAwait(false);
            context.Abort();
            return;
        }

        await HandleRouteAsync(context, route.Value, segments, body).ConfigureAwait(false);
    }

    private Task HandleRouteAsync(HttpContext context, FakeGraphRoute route, string[] segments, string body) => route switch
    {
        FakeGraphRoute.CreateMessage => CreateAsync(context, body),
        FakeGraphRoute.UpdateMessage => UpdateAsync(context, segments[4], body),
        FakeGraphRoute.SendMessage => SendAsync(context, segments[4], body),
        FakeGraphRoute.ListDrafts => ListAsync(context, DraftsFolder),
        FakeGraphRoute.ListSentItems => ListAsync(context, SentItemsFolder),
        FakeGraphRoute.GetMessage => GetMessageAsync(context, segments[4]),
        FakeGraphRoute.DeleteMessage => DeleteMessageAsync(context, segments[4], body),
        FakeGraphRoute.CreateSubscription => CreateSubscriptionAsync(context, body),
        FakeGraphRoute.RenewSubscription => RenewSubscriptionAsync(context, segments[2], body),
        FakeGraphRoute.DeleteSubscription => DeleteSubscriptionAsync(context, segments[2]),
        _ => ListAsync(context, folder: null),
    };

    private static FakeGraphRoute? Match(string method, string[] s)
    {
        // v1.0 / subscriptions [/ {id}]
        if (s.Length is 2 or 3 && s[0] == "v1.0" && s[1] == "subscriptions")
        {
            return (method, s.Length) switch
            {
                ("POST", 2) => FakeGraphRoute.CreateSubscription,
                ("PATCH", 3) => FakeGraphRoute.RenewSubscription,
                ("DELETE", 3) => FakeGraphRoute.DeleteSubscription,
                _ => null,
            };
        }

        // v1.0 / users / {mailbox} / ...
        if (s.Length < 4 || s[0] != "v1.0" || s[1] != "users")
        {
            return null;
        }

        return (method, s.Length) switch
        {
            ("POST", 4) when s[3] == "messages" => FakeGraphRoute.CreateMessage,
            ("GET", 4) when s[3] == "messages" => FakeGraphRoute.ListMailbox,
            ("PATCH", 5) when s[3] == "messages" => FakeGraphRoute.UpdateMessage,
            ("GET", 5) when s[3] == "messages" => FakeGraphRoute.GetMessage,
            ("DELETE", 5) when s[3] == "messages" => FakeGraphRoute.DeleteMessage,
            ("POST", 6) when s[3] == "messages" && s[5] == "send" => FakeGraphRoute.SendMessage,
            ("GET", 6) when s[3] == "mailFolders" && s[5] == "messages" && s[4].Equals(DraftsFolder, StringComparison.OrdinalIgnoreCase) => FakeGraphRoute.ListDrafts,
            ("GET", 6) when s[3] == "mailFolders" && s[5] == "messages" && s[4].Equals(SentItemsFolder, StringComparison.OrdinalIgnoreCase) => FakeGraphRoute.ListSentItems,
            _ => null,
        };
    }

    private FakeGraphFault? NextFault(FakeGraphRoute route)
    {
        lock (_gate)
        {
            return _faults.TryGetValue(route, out var queue) && queue.Count > 0 ? queue.Dequeue() : null;
        }
    }

    private async Task CreateAsync(HttpContext context, string body)
    {
        if (!await CheckJsonBodyAsync(context, body).ConfigureAwait(false))
        {
            return;
        }

        var read = FakeGraphMessageReader.Read(body, forUpdate: false);
        if (read.Problems.Count > 0)
        {
            await ViolationAsync(context, 400, "RequestBodyRead", string.Join(" ", read.Problems)).ConfigureAwait(false);
            return;
        }

        var now = _timeProvider.GetUtcNow();
        FakeGraphMessage created;
        lock (_gate)
        {
            created = new FakeGraphMessage
            {
                Id = NewId("AAMkAGI2"),
                ConversationId = NewId("AAQkAGI2"),
                Folder = DraftsFolder,

                // Exchange gives every draft an id; a client may set its own while the message is a draft.
                InternetMessageId = read.InternetMessageId ?? $"<{Guid.NewGuid():N}@fake.outlook.example>",
                Subject = read.Subject,
                BodyContentType = read.Body?.ContentType,
                BodyContent = read.Body?.Content,
                ToRecipients = read.ToRecipients ?? [],
                CcRecipients = read.CcRecipients ?? [],
                ReplyTo = read.ReplyTo ?? [],
                InternetMessageHeaders = read.InternetMessageHeaders ?? [],
                ExtendedProperties = read.ExtendedProperties ?? new Dictionary<string, string>(),
                CreatedDateTime = now,
                LastModifiedDateTime = now,
            };
            _messages.Add(created);
        }

        await JsonAsync(context, 201, ToJson(created, select: null)).ConfigureAwait(false);
    }

    private async Task UpdateAsync(HttpContext context, string id, string body)
    {
        if (!await CheckJsonBodyAsync(context, body).ConfigureAwait(false))
        {
            return;
        }

        var read = FakeGraphMessageReader.Read(body, forUpdate: true);
        if (read.Problems.Count > 0)
        {
            await ViolationAsync(context, 400, "RequestBodyRead", string.Join(" ", read.Problems)).ConfigureAwait(false);
            return;
        }

        FakeGraphMessage? updated = null;
        string? refusal = null;
        lock (_gate)
        {
            var index = _messages.FindIndex(m => m.Id == id);
            if (index >= 0)
            {
                var old = _messages[index];
                if (!old.IsDraft && (read.Subject is not null || read.InternetMessageId is not null || read.Body is not null || read.ReplyTo is not null))
                {
                    refusal = "subject, body, replyTo and internetMessageId are updatable only while the message is a draft.";
                }
                else
                {
                    updated = old with
                    {
                        Subject = read.Subject ?? old.Subject,
                        BodyContentType = read.Body?.ContentType ?? old.BodyContentType,
                        BodyContent = read.Body?.Content ?? old.BodyContent,
                        ToRecipients = read.ToRecipients ?? old.ToRecipients,
                        CcRecipients = read.CcRecipients ?? old.CcRecipients,
                        ReplyTo = read.ReplyTo ?? old.ReplyTo,
                        InternetMessageId = read.InternetMessageId ?? old.InternetMessageId,
                        ExtendedProperties = read.ExtendedProperties ?? old.ExtendedProperties,
                        LastModifiedDateTime = _timeProvider.GetUtcNow(),
                        UpdateCount = old.UpdateCount + 1,
                    };
                    _messages[index] = updated;
                }
            }
        }

        if (refusal is not null)
        {
            await ViolationAsync(context, 400, "ErrorInvalidPropertyUpdateSentMessage", refusal).ConfigureAwait(false);
        }
        else if (updated is null)
        {
            await ErrorAsync(context, 404, "ErrorItemNotFound", "The specified object was not found in the store.").ConfigureAwait(false);
        }
        else
        {
            await JsonAsync(context, 200, ToJson(updated, select: null)).ConfigureAwait(false);
        }
    }

    private async Task SendAsync(HttpContext context, string id, string body)
    {
        if (body.Length > 0)
        {
            await ViolationAsync(context, 400, "RequestBodyRead", "Sending a draft takes no request body.").ConfigureAwait(false);
            return;
        }

        string? error = null;
        lock (_gate)
        {
            var index = _messages.FindIndex(m => m.Id == id && m.IsDraft);
            if (index < 0)
            {
                error = "ErrorItemNotFound";
            }
            else if (_messages[index].ToRecipients.Count + _messages[index].CcRecipients.Count == 0)
            {
                error = "ErrorInvalidRecipients";
            }
            else
            {
                // Sending moves the message: Sent Items holds it under a new id, no longer a draft. Exchange takes a
                // while for that; with HoldSentInOutbox the message waits in the Outbox until DeliverOutbox.
                var draft = _messages[index];
                var folder = HoldSentInOutbox ? OutboxFolder : SentItemsFolder;
                _messages[index] = draft with { Id = NewId("AAMkAGI2"), Folder = folder, IsDraft = false, SentDateTime = _timeProvider.GetUtcNow() };
                _sendsByInternetMessageId[draft.InternetMessageId] = _sendsByInternetMessageId.GetValueOrDefault(draft.InternetMessageId) + 1;
            }
        }

        switch (error)
        {
            case "ErrorItemNotFound":
                await ErrorAsync(context, 404, error, "The specified object was not found in the store.").ConfigureAwait(false);
                break;
            case "ErrorInvalidRecipients":
                await ErrorAsync(context, 400, error, "At least one recipient is not valid.").ConfigureAwait(false);
                break;
            default:
                context.Response.StatusCode = 202;
                break;
        }
    }

    private async Task DeleteMessageAsync(HttpContext context, string id, string body)
    {
        if (body.Length > 0)
        {
            await ViolationAsync(context, 400, "RequestBodyRead", "Deleting a message takes no request body.").ConfigureAwait(false);
            return;
        }

        FakeGraphMessage? deleted = null;
        lock (_gate)
        {
            var index = _messages.FindIndex(m => m.Id == id);
            if (index >= 0)
            {
                // Graph deletes any message, draft or sent; Deleted keeps what went so a test can see which.
                deleted = _messages[index];
                _messages.RemoveAt(index);
                _deleted.Add(deleted);
            }
        }

        if (deleted is null)
        {
            await ErrorAsync(context, 404, "ErrorItemNotFound", "The specified object was not found in the store.").ConfigureAwait(false);
            return;
        }

        context.Response.StatusCode = 204;
    }

    private async Task ListAsync(HttpContext context, string? folder)
    {
        var query = context.Request.Query;
        var unknown = query.Keys.Where(k => !KnownQueryOptions.Contains(k)).ToList();
        if (unknown.Count > 0)
        {
            await ViolationAsync(context, 400, "BadRequest", $"Query options the fake does not serve: {string.Join(", ", unknown)}.").ConfigureAwait(false);
            return;
        }

        string? wantedId = null;
        string? wantedConversation = null;
        if (query.TryGetValue("$filter", out var filter)
            && !TryParseEqualsFilter(filter.ToString(), "internetMessageId", out wantedId)
            && !TryParseEqualsFilter(filter.ToString(), "conversationId", out wantedConversation))
        {
            await ViolationAsync(context, 400, "BadRequest", $"Invalid filter clause (only internetMessageId or conversationId eq '<quoted>' is served): {filter}").ConfigureAwait(false);
            return;
        }

        HashSet<string>? select = null;
        if (query.TryGetValue("$select", out var selectValue))
        {
            select = new HashSet<string>(selectValue.ToString().Split(','), StringComparer.OrdinalIgnoreCase);
            var unknownFields = select.Where(f => !SelectableProperties.Contains(f)).ToList();
            if (unknownFields.Count > 0)
            {
                await ViolationAsync(context, 400, "BadRequest", $"Could not find a property named '{unknownFields[0]}' on type 'microsoft.graph.message'.").ConfigureAwait(false);
                return;
            }
        }

        var top = int.MaxValue;
        if (query.TryGetValue("$top", out var topValue) && (!int.TryParse(topValue, NumberStyles.None, CultureInfo.InvariantCulture, out top) || top < 1 || top > 1000))
        {
            await ViolationAsync(context, 400, "BadRequest", $"$top must be a whole number from 1 to 1000: {topValue}").ConfigureAwait(false);
            return;
        }

        List<FakeGraphMessage> found;
        lock (_gate)
        {
            found = _messages
                .Where(m => folder is null || m.Folder == folder)
                .Where(m => wantedId is null || m.InternetMessageId == wantedId)
                .Where(m => wantedConversation is null || m.ConversationId == wantedConversation)
                .Take(top)
                .ToList();
        }

        var value = new JsonArray();
        foreach (var message in found)
        {
            value.Add(ToJson(message, select));
        }

        await JsonAsync(context, 200, new JsonObject
        {
            ["@odata.context"] = $"{BaseUrl}/$metadata#users('{Mailbox}')/messages",
            ["value"] = value,
        }).ConfigureAwait(false);
    }

    /// <summary>Reads <c>{property} eq '…'</c>, where an apostrophe inside the literal must be doubled (OData).</summary>
    private static bool TryParseEqualsFilter(string filter, string property, out string? id)
    {
        id = null;
        var prefix = property + " eq '";
        if (!filter.StartsWith(prefix, StringComparison.Ordinal) || filter.Length < prefix.Length + 1 || filter[^1] != '\'')
        {
            return false;
        }

        var literal = filter.AsSpan(prefix.Length, filter.Length - prefix.Length - 1);
        var builder = new StringBuilder(literal.Length);
        for (var i = 0; i < literal.Length; i++)
        {
            if (literal[i] == '\'')
            {
                if (i + 1 >= literal.Length || literal[i + 1] != '\'')
                {
                    return false;
                }

                i++;
            }

            builder.Append(literal[i]);
        }

        id = builder.ToString();
        return true;
    }

    private async Task<bool> CheckJsonBodyAsync(HttpContext context, string body)
    {
        var contentType = context.Request.ContentType;
        if (contentType is null || !contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            await ViolationAsync(context, 415, "UnsupportedMediaType", $"A message body must be application/json, not '{contentType}'.").ConfigureAwait(false);
            return false;
        }

        if (body.Length == 0)
        {
            await ViolationAsync(context, 400, "RequestBodyRead", "The request body is empty.").ConfigureAwait(false);
            return false;
        }

        return true;
    }

    private JsonObject ToJson(FakeGraphMessage message, HashSet<string>? select)
    {
        var json = new JsonObject
        {
            ["@odata.etag"] = $"W/\"{message.LastModifiedDateTime.UtcTicks}\"",
            ["id"] = message.Id,
        };

        void Add(string name, JsonNode? value)
        {
            // Graph returns internetMessageHeaders only when asked for by $select.
            var wanted = select is null ? name != "internetMessageHeaders" : select.Contains(name);
            if (wanted && name != "id")
            {
                json[name] = value;
            }
        }

        Add("createdDateTime", Timestamp(message.CreatedDateTime));
        Add("lastModifiedDateTime", Timestamp(message.LastModifiedDateTime));
        Add("sentDateTime", message.SentDateTime is { } sent ? Timestamp(sent) : null);
        Add("internetMessageId", message.InternetMessageId);
        Add("subject", message.Subject);
        Add("isDraft", message.IsDraft);
        Add("conversationId", message.ConversationId);
        Add("parentFolderId", message.Folder);
        Add("body", new JsonObject { ["contentType"] = message.BodyContentType ?? "text", ["content"] = message.BodyContent ?? "" });
        Add("toRecipients", Recipients(message.ToRecipients));
        Add("ccRecipients", Recipients(message.CcRecipients));
        Add("replyTo", Recipients(message.ReplyTo));
        // The mailbox's own drafts and sent messages are from the mailbox, as Graph reports them.
        Add("from", Recipients([message.From ?? new FakeGraphRecipient(Mailbox, null)])[0]!.DeepClone());
        Add("receivedDateTime", message.ReceivedDateTime is { } received ? Timestamp(received) : null);
        Add("uniqueBody", new JsonObject { ["contentType"] = message.BodyContentType ?? "text", ["content"] = message.UniqueBodyContent ?? message.BodyContent ?? "" });
        Add("internetMessageHeaders", new JsonArray(message.InternetMessageHeaders.Select(h => (JsonNode)new JsonObject { ["name"] = h.Key, ["value"] = h.Value }).ToArray()));
        return json;
    }

    private static JsonArray Recipients(IEnumerable<FakeGraphRecipient> recipients) =>
        new(recipients.Select(r => (JsonNode)new JsonObject
        {
            ["emailAddress"] = new JsonObject { ["name"] = r.Name ?? r.Address, ["address"] = r.Address },
        }).ToArray());

    private static string Timestamp(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private string NewId(string prefix)
    {
        // Graph ids are URL-safe base64 that may end in '=': a client must escape them in paths.
        var counter = BitConverter.GetBytes(Interlocked.Increment(ref _nextId));
        var bytes = Guid.NewGuid().ToByteArray().Concat(counter).ToArray();
        return prefix + Convert.ToBase64String(bytes).Replace('+', '-').Replace('/', '_');
    }

    private async Task ViolationAsync(HttpContext context, int status, string code, string message)
    {
        lock (_gate)
        {
            _violations.Add($"{context.Request.Method} {context.Request.Path}: {message}");
        }

        await ErrorAsync(context, status, code, message).ConfigureAwait(false);
    }

    private async Task ErrorAsync(HttpContext context, int status, string code, string message) =>
        await JsonAsync(context, status, new JsonObject
        {
            ["error"] = new JsonObject
            {
                ["code"] = code,
                ["message"] = message,
                ["innerError"] = new JsonObject
                {
                    ["date"] = Timestamp(_timeProvider.GetUtcNow()),
                    ["request-id"] = Guid.NewGuid().ToString(),
                    ["client-request-id"] = context.Request.Headers["client-request-id"].ToString(),
                },
            },
        }).ConfigureAwait(false);

    private static async Task JsonAsync(HttpContext context, int status, JsonNode body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; odata.metadata=minimal; odata.streaming=true; charset=utf-8";
        await context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted).ConfigureAwait(false);
    }
}
