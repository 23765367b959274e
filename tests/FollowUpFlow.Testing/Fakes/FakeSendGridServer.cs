using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace FollowUpFlow.Testing.Fakes;

/// <summary>
/// A local stand-in for SendGrid's <c>POST /v3/mail/send</c> on 127.0.0.1 (a free port). It checks each request as
/// SendGrid documents it (path, method, bearer key, JSON content type, the body's rules), answers 400 with SendGrid's
/// error shape on a violation and 202 with an <c>X-Message-Id</c> on success, and records everything. Tests can queue
/// the next answers: 429 with Retry-After, 5xx, refusals, or "accept then drop the connection" / "accept then hang".
/// </summary>
public sealed class FakeSendGridServer : IAsyncDisposable
{
    public const string MailSendPath = "/v3/mail/send";
    public const int MaxBodyBytes = 30 * 1024 * 1024;

    private readonly WebApplication _app;
    private readonly TimeProvider _clock;
    private readonly ConcurrentQueue<FakeSendGridAnswer> _answers = new();
    private readonly Lock _gate = new();
    private readonly List<FakeSendGridRequest> _requests = [];
    private readonly CancellationTokenSource _stopping = new();
    private int _sequence;

    private FakeSendGridServer(WebApplication app, string apiKey, TimeProvider clock)
    {
        _app = app;
        ApiKey = apiKey;
        _clock = clock;
    }

    /// <summary>The root to configure as the client's base URL, e.g. <c>http://127.0.0.1:49152/</c>.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The only key the fake accepts (<c>Authorization: Bearer {ApiKey}</c>).</summary>
    public string ApiKey { get; }

    /// <param name="clock">Stamps each recorded request, so tests on a manual clock can see when retries came.</param>
    public static async Task<FakeSendGridServer> StartAsync(string apiKey, TimeProvider? clock = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(apiKey);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = null);
        var app = builder.Build();
        var server = new FakeSendGridServer(app, apiKey, clock ?? TimeProvider.System);
        app.Run(server.HandleAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Urls.Single();
        server.BaseUrl = new Uri(address.EndsWith('/') ? address : address + "/");
        return server;
    }

    /// <summary>Queues answers for the next requests, in order; requests beyond the queue are checked and accepted.</summary>
    public void Enqueue(params FakeSendGridAnswer[] answers)
    {
        foreach (var answer in answers)
        {
            _answers.Enqueue(answer);
        }
    }

    /// <summary>Every request received, in order of arrival.</summary>
    public IReadOnlyList<FakeSendGridRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return _requests.ToArray();
            }
        }
    }

    /// <summary>Requests the fake took as sent, whether or not the client got the 202.</summary>
    public IReadOnlyList<FakeSendGridRequest> Accepted => Requests.Where(r => r.Accepted).ToArray();

    /// <summary>Requests answered 400 because they broke a documented rule.</summary>
    public IReadOnlyList<FakeSendGridRequest> Violations => Requests.Where(r => r is { Accepted: false, AnsweredStatus: 400, Mail: null } && r.Errors.Count > 0).ToArray();

    public int AcceptedCount => Accepted.Count;

    /// <summary>How many times a message with this Message-ID header was accepted (more than one is a double send).</summary>
    public int AcceptedCountFor(string messageId) => Accepted.Count(r => r.MessageId == messageId);

    /// <summary>Waits (in real time, bounded) until at least <paramref name="count"/> requests have been recorded.</summary>
    public async Task WaitForRequestsAsync(int count, TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        while (Requests.Count < count)
        {
            await Task.Delay(5, limit.Token).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task HandleAsync(HttpContext http)
    {
        var receivedAt = _clock.GetUtcNow();
        var request = http.Request;
        var body = await ReadBodyAsync(request, http.RequestAborted).ConfigureAwait(false);
        var record = new FakeSendGridRequest(
            Interlocked.Increment(ref _sequence), receivedAt, request.Method, request.Path.Value ?? "",
            request.Headers.Authorization.ToString() is { Length: > 0 } auth ? auth : null,
            request.ContentType, body ?? "", 0, false, null, [], null);

        if (!string.Equals(request.Path.Value, MailSendPath, StringComparison.Ordinal))
        {
            await AnswerErrorAsync(http, record, HttpStatusCode.NotFound, new FakeSendGridError("not found", null)).ConfigureAwait(false);
            return;
        }

        if (!HttpMethods.IsPost(request.Method))
        {
            await AnswerErrorAsync(http, record, HttpStatusCode.MethodNotAllowed, new FakeSendGridError("method not allowed", null)).ConfigureAwait(false);
            return;
        }

        if (!string.Equals(record.Authorization, "Bearer " + ApiKey, StringComparison.Ordinal))
        {
            await AnswerErrorAsync(http, record, HttpStatusCode.Unauthorized,
                new FakeSendGridError("The provided authorization grant is invalid, expired, or revoked", null)).ConfigureAwait(false);
            return;
        }

        if (body is null)
        {
            await AnswerErrorAsync(http, record, HttpStatusCode.RequestEntityTooLarge,
                new FakeSendGridError("The JSON payload you have included in your request is too large.", null)).ConfigureAwait(false);
            return;
        }

        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !string.Equals(contentType.MediaType.Value, "application/json", StringComparison.OrdinalIgnoreCase))
        {
            await AnswerErrorAsync(http, record, HttpStatusCode.UnsupportedMediaType,
                new FakeSendGridError("Content-Type should be application/json.", null)).ConfigureAwait(false);
            return;
        }

        _answers.TryDequeue(out var programmed);
        if (programmed is { Kind: FakeSendGridAnswerKind.Status })
        {
            if (programmed.RetryAfter is not null)
            {
                http.Response.Headers.RetryAfter = programmed.RetryAfter;
            }

            await AnswerErrorAsync(http, record, programmed.Status, [.. programmed.Errors]).ConfigureAwait(false);
            return;
        }

        var errors = new List<FakeSendGridError>();
        var mail = SendGridMailChecks.Check(body, errors);
        if (mail is null)
        {
            await AnswerErrorAsync(http, record, HttpStatusCode.BadRequest, [.. errors]).ConfigureAwait(false);
            return;
        }

        var sendGridMessageId = "fake-" + record.Sequence.ToString(CultureInfo.InvariantCulture);
        switch (programmed?.Kind)
        {
            case FakeSendGridAnswerKind.AcceptThenDrop:
                Record(record with { Accepted = true, SendGridMessageId = sendGridMessageId, Mail = mail });
                http.Abort();
                return;

            case FakeSendGridAnswerKind.AcceptThenHang:
                Record(record with { Accepted = true, SendGridMessageId = sendGridMessageId, Mail = mail });
                using (var linked = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, _stopping.Token))
                {
                    await Task.Delay(Timeout.Infinite, linked.Token).ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
                }

                http.Abort();
                return;

            default:
                Record(record with { AnsweredStatus = 202, Accepted = true, SendGridMessageId = sendGridMessageId, Mail = mail });
                http.Response.StatusCode = StatusCodes.Status202Accepted;
                http.Response.Headers["X-Message-Id"] = sendGridMessageId;
                return;
        }
    }

    private Task AnswerErrorAsync(HttpContext http, FakeSendGridRequest record, HttpStatusCode status, params FakeSendGridError[] errors)
    {
        Record(record with { AnsweredStatus = (int)status, Errors = errors });
        http.Response.StatusCode = (int)status;
        http.Response.ContentType = "application/json";
        var body = JsonSerializer.Serialize(new
        {
            errors = errors.Select(e => new { message = e.Message, field = e.Field, help = (string?)null }),
        });
        return http.Response.WriteAsync(body, http.RequestAborted);
    }

    private void Record(FakeSendGridRequest record)
    {
        lock (_gate)
        {
            _requests.Add(record);
        }
    }

    /// <summary>The body as UTF-8 text, or null when it is larger than SendGrid takes.</summary>
    private static async Task<string?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBodyBytes)
            {
                return null;
            }
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
