using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace FollowUpFlow.Mail;

/// <summary>
/// Sends through SendGrid's v3 mail/send API. Every message gets its own reply address (see <see cref="ReplyAddresses"/>)
/// and carries its Message-ID as a header and as a custom argument. SendGrid cannot be asked whether a message left,
/// so a send that ended without an answer stays unknown: such a request is never repeated here.
/// </summary>
public sealed class SendGridTransport : IMailTransport
{
    /// <summary>The name of the <see cref="HttpClient"/> this transport takes from <see cref="IHttpClientFactory"/>.</summary>
    public const string HttpClientName = "FollowUpFlow.SendGrid";

    private const string Redacted = "[redacted]";

    private static readonly ResiliencePropertyKey<string> MessageIdKey = new("FollowUpFlow.MessageId");

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<SendGridTransport> _logger;
    private readonly Uri _baseUrl;
    private readonly string _apiKey;
    private readonly TimeSpan _timeout;
    private readonly ReplyAddresses _replyAddresses;
    private readonly ResiliencePipeline<SendGridAnswer> _retry;

    public SendGridTransport(
        IHttpClientFactory httpClientFactory,
        IOptions<SendGridOptions> options,
        TimeProvider timeProvider,
        ILogger<SendGridTransport> logger)
    {
        ArgumentNullException.ThrowIfNull(httpClientFactory);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);

        var value = options.Value;
        var validation = new SendGridOptionsValidator().Validate(Options.DefaultName, value);
        if (validation.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(SendGridOptions), validation.Failures);
        }

        _httpClientFactory = httpClientFactory;
        _timeProvider = timeProvider;
        _logger = logger;
        _baseUrl = value.BaseUrl;
        _apiKey = value.ApiKey;
        _timeout = value.Timeout;
        _replyAddresses = new ReplyAddresses(SendGridOptionsValidator.TryDecodeReplyKey(value.ReplyKey)!, value.ReplyDomain);
        _retry = SendGridRetry.Build(value.MaxAttempts, value.MaxRetryDelay, timeProvider, OnRetry);
    }

    /// <summary>The reply addresses this transport puts in Reply-To; the inbound side reads tokens with the same keys.</summary>
    public ReplyAddresses ReplyAddresses => _replyAddresses;

    public async Task<SendResult> SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        cancellationToken.ThrowIfCancellationRequested();

        var replyTo = _replyAddresses.AddressFor(message.MessageId, message.From.DisplayName);
        var body = SendGridClient.Serialize(SendGridRequestMapper.Map(message, replyTo));
        var client = new SendGridClient(_httpClientFactory.CreateClient(HttpClientName), _baseUrl, _apiKey);

        var send = new SendState(client, body, message.MessageId);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(MessageIdKey, message.MessageId);
        SendGridAnswer answer;
        try
        {
            answer = await _retry.ExecuteAsync(
                static (context, state) => state.Transport.SendOnceAsync(state.Send, context.CancellationToken),
                context,
                (Transport: this, Send: send));
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        var attempt = send.Attempts;
        if (answer.IsAccepted)
        {
            var location = answer.SendGridMessageId ?? "";
            if (location.Length == 0)
            {
                SendGridLog.AcceptedWithoutId(_logger, message.MessageId);
            }
            else
            {
                SendGridLog.Accepted(_logger, message.MessageId, location, attempt);
            }

            return new SendResult(message.MessageId, _timeProvider.GetUtcNow(), location);
        }

        throw FailureFor(answer, message.MessageId, attempt);
    }

    /// <summary>Always <see cref="SendCheck.Unknown"/>: SendGrid offers no look-up of a message by our Message-ID.</summary>
    public Task<SendCheck> CheckSentAsync(string messageId, CancellationToken cancellationToken)
    {
        MessageIds.Validate(messageId, nameof(messageId));
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(SendCheck.Unknown);
    }

    private async ValueTask<SendGridAnswer> SendOnceAsync(SendState send, CancellationToken cancellationToken)
    {
        send.Attempts++;
        var messageId = send.MessageId;
        using var timeout = new CancellationTokenSource(_timeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            return await send.Client.SendAsync(send.Body, linked.Token);
        }
        catch (OperationCanceledException exception) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            SendGridLog.NoAnswer(_logger, messageId, _timeout);
            throw new TimeoutException(
                $"SendGrid did not answer within {_timeout} for message {messageId}; whether it left is unknown.", exception);
        }
        catch (HttpRequestException exception)
        {
            // Left as it is: the request may have reached SendGrid before the connection failed.
            SendGridLog.ConnectionFailed(_logger, messageId, exception);
            throw;
        }
    }

    private Exception FailureFor(SendGridAnswer answer, string messageId, int attempt)
    {
        var status = $"{(int)answer.StatusCode} {answer.StatusCode}";
        var reasons = answer.Errors.Count == 0 ? "" : ": " + string.Join("; ", answer.Errors);

        if (answer.IsNotTakenNow)
        {
            SendGridLog.NotAccepted(_logger, messageId, answer.StatusCode, attempt);
            var retryAfter = SendGridRetry.RequestedDelay(answer.RetryAfter, _timeProvider) is { } wait
                ? $" SendGrid asks to wait {wait} before trying again."
                : "";
            return new MailNotAcceptedException(
                Redact($"SendGrid did not take message {messageId} ({status} at attempt {attempt}){reasons}.{retryAfter}"));
        }

        if ((int)answer.StatusCode is >= 200 and < 300)
        {
            // 200 is SendGrid's sandbox answer: valid, but not queued for delivery.
            SendGridLog.NotAccepted(_logger, messageId, answer.StatusCode, attempt);
            return new MailNotAcceptedException($"SendGrid answered {status} to message {messageId} without queueing it for delivery.");
        }

        SendGridLog.Refused(_logger, messageId, answer.StatusCode);
        var hint = answer.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
            ? " Check the API key's Mail Send permission and the verified sender."
            : "";
        return new MailRefusedException(Redact($"SendGrid refused message {messageId} ({status}){reasons}.{hint}"));
    }

    private void OnRetry(SendGridAnswer answer, ResilienceContext context, int attempt, TimeSpan delay) =>
        SendGridLog.Retrying(_logger, context.Properties.GetValue(MessageIdKey, ""), answer.StatusCode, attempt, delay);

    /// <summary>Error text comes from outside; make sure it can never carry the key back into a message or a log.</summary>
    private string Redact(string text) => text.Replace(_apiKey, Redacted, StringComparison.Ordinal);

    /// <summary>One message's request, sent once per attempt.</summary>
    private sealed class SendState(SendGridClient client, byte[] body, string messageId)
    {
        public SendGridClient Client { get; } = client;

        public byte[] Body { get; } = body;

        public string MessageId { get; } = messageId;

        public int Attempts { get; set; }
    }
}
