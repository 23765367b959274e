using System.Globalization;
using System.Text;
using Azure.Core;
using FollowUpFlow.Storage.Pipeline;

namespace FollowUpFlow.Storage.Queues;

/// <summary>One queue: create/delete it; put, receive, peek, delete and clear messages. Texts travel base64-encoded.</summary>
public sealed class QueueClient
{
    /// <summary>The largest message body: the base64 text inside the XML.</summary>
    public const int MaxMessageBytes = 64 * 1024;

    public const int MaxMessagesPerReceive = 32;

    public static readonly TimeSpan MaxVisibilityTimeout = TimeSpan.FromDays(7);

    private readonly ServiceConnection _connection;

    internal QueueClient(ServiceConnection connection, string queueName)
    {
        QueueNames.Validate(queueName);
        _connection = connection;
        Name = queueName;
    }

    public string Name { get; }

    public Uri Uri => _connection.UrlFor(Name);

    /// <summary>Creates the queue; returns false when it already existed.</summary>
    public async Task<bool> CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        using var request = _connection.CreateRequest(RequestMethod.Put, Name);
        using var response = ServiceConnection.EnsureSuccess(await _connection.SendAsync(request, cancellationToken).ConfigureAwait(false), $"Create queue {Name}");
        return response.Status == 201;
    }

    /// <summary>Deletes the queue and its messages; returns false when it did not exist.</summary>
    public async Task<bool> DeleteAsync(CancellationToken cancellationToken = default)
    {
        using var request = _connection.CreateRequest(RequestMethod.Delete, Name);
        using var response = await _connection.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.Status == 404)
        {
            return false;
        }

        ServiceConnection.EnsureSuccess(response, $"Delete queue {Name}");
        return true;
    }

    /// <summary>
    /// Puts a message. <paramref name="visibilityTimeout"/> delays its first delivery (0 to 7 days);
    /// <paramref name="timeToLive"/> defaults to the service's 7 days, <see cref="Timeout.InfiniteTimeSpan"/> means never expire.
    /// </summary>
    public async Task<SendReceipt> SendMessageAsync(string text, TimeSpan? visibilityTimeout = null, TimeSpan? timeToLive = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
        if (encoded.Length > MaxMessageBytes)
        {
            throw new PayloadTooLargeException(
                $"The message is {encoded.Length} bytes once base64-encoded; a queue message holds at most {MaxMessageBytes}. Store the payload elsewhere and queue a reference.",
                null, encoded.Length, MaxMessageBytes);
        }

        using var request = _connection.CreateRequest(RequestMethod.Post, Name + "/messages");
        if (visibilityTimeout is { } visibility)
        {
            request.Uri.AppendQuery("visibilitytimeout", Seconds(visibility, TimeSpan.Zero, nameof(visibilityTimeout)), escapeValue: false);
        }

        if (timeToLive is { } ttl)
        {
            var value = ttl == Timeout.InfiniteTimeSpan ? "-1" : Seconds(ttl, TimeSpan.FromSeconds(1), nameof(timeToLive), max: TimeSpan.MaxValue);
            request.Uri.AppendQuery("messagettl", value, escapeValue: false);
        }

        request.Headers.SetValue(StorageHeaders.ContentType, StorageHeaders.Xml);
        request.Content = RequestContent.Create(QueueXml.MessageBody(encoded));
        using var response = ServiceConnection.EnsureSuccess(await _connection.SendAsync(request, cancellationToken).ConfigureAwait(false), $"Put message on queue {Name}");
        var m = QueueXml.Messages(response.Content).FirstOrDefault() ?? throw new FormatException("The queue service's answer to a put has no message.");
        return new SendReceipt(
            QueueXml.Required(m, "MessageId"),
            QueueXml.Required(m, "PopReceipt"),
            QueueXml.Date(m, "InsertionTime"),
            QueueXml.Date(m, "ExpirationTime"),
            QueueXml.Date(m, "TimeNextVisible"));
    }

    /// <summary>Receives up to <paramref name="maxMessages"/> (1-32) messages, hiding them for <paramref name="visibilityTimeout"/> (1 s to 7 days).</summary>
    public async Task<IReadOnlyList<QueueMessage>> ReceiveMessagesAsync(int maxMessages, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default)
    {
        using var request = _connection.CreateRequest(RequestMethod.Get, Name + "/messages");
        request.Uri.AppendQuery("numofmessages", Count(maxMessages), escapeValue: false);
        request.Uri.AppendQuery("visibilitytimeout", Seconds(visibilityTimeout, TimeSpan.FromSeconds(1), nameof(visibilityTimeout)), escapeValue: false);
        using var response = ServiceConnection.EnsureSuccess(await _connection.SendAsync(request, cancellationToken).ConfigureAwait(false), $"Receive messages from queue {Name}");
        return QueueXml.Messages(response.Content).Select(m => new QueueMessage(
            QueueXml.Required(m, "MessageId"),
            QueueXml.Required(m, "PopReceipt"),
            QueueXml.DecodeText(QueueXml.Required(m, "MessageText")),
            QueueXml.Long(m, "DequeueCount"),
            QueueXml.Date(m, "InsertionTime"),
            QueueXml.Date(m, "ExpirationTime"),
            QueueXml.Date(m, "TimeNextVisible"))).ToList();
    }

    /// <summary>Reads up to <paramref name="maxMessages"/> (1-32) visible messages without hiding them.</summary>
    public async Task<IReadOnlyList<PeekedQueueMessage>> PeekMessagesAsync(int maxMessages = 1, CancellationToken cancellationToken = default)
    {
        using var request = _connection.CreateRequest(RequestMethod.Get, Name + "/messages");
        request.Uri.AppendQuery("peekonly", "true", escapeValue: false);
        request.Uri.AppendQuery("numofmessages", Count(maxMessages), escapeValue: false);
        using var response = ServiceConnection.EnsureSuccess(await _connection.SendAsync(request, cancellationToken).ConfigureAwait(false), $"Peek messages on queue {Name}");
        return QueueXml.Messages(response.Content).Select(m => new PeekedQueueMessage(
            QueueXml.Required(m, "MessageId"),
            QueueXml.DecodeText(QueueXml.Required(m, "MessageText")),
            QueueXml.Long(m, "DequeueCount"),
            QueueXml.Date(m, "InsertionTime"),
            QueueXml.Date(m, "ExpirationTime"))).ToList();
    }

    /// <summary>
    /// Deletes a received message. Returns false when it is already gone (so a handler may run twice);
    /// a pop receipt from an earlier receive throws with <see cref="StorageErrorKind.PreconditionFailed"/>.
    /// </summary>
    public async Task<bool> DeleteMessageAsync(string messageId, string popReceipt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        ArgumentException.ThrowIfNullOrEmpty(popReceipt);
        using var request = _connection.CreateRequest(RequestMethod.Delete, $"{Name}/messages/{Uri.EscapeDataString(messageId)}");
        request.Uri.AppendQuery("popreceipt", popReceipt, escapeValue: true);
        using var response = await _connection.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.Status == 404 && StorageErrors.ReadBody(response.Content).Code != "QueueNotFound")
        {
            return false;
        }

        ServiceConnection.EnsureSuccess(response, $"Delete message {messageId} from queue {Name}");
        return true;
    }

    /// <summary>Deletes every message in the queue.</summary>
    public async Task ClearMessagesAsync(CancellationToken cancellationToken = default)
    {
        using var request = _connection.CreateRequest(RequestMethod.Delete, Name + "/messages");
        using var response = ServiceConnection.EnsureSuccess(await _connection.SendAsync(request, cancellationToken).ConfigureAwait(false), $"Clear queue {Name}");
    }

    private static string Count(int maxMessages) =>
        maxMessages is >= 1 and <= MaxMessagesPerReceive
            ? maxMessages.ToString(CultureInfo.InvariantCulture)
            : throw new ArgumentOutOfRangeException(nameof(maxMessages), $"Between 1 and {MaxMessagesPerReceive} messages per request.");

    // The service counts whole seconds; a fraction rounds up so a short timeout never becomes zero.
    private static string Seconds(TimeSpan value, TimeSpan min, string paramName, TimeSpan? max = null)
    {
        var upper = max ?? MaxVisibilityTimeout;
        if (value < min || value > upper)
        {
            throw new ArgumentOutOfRangeException(paramName, $"{paramName} must be between {min} and {upper}.");
        }

        return ((long)Math.Ceiling(value.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
    }
}
