using System.Collections.Immutable;
using System.Text.Json;
using FollowUpFlow.Inbound;
using FollowUpFlow.Inbound.Understanding;
using FollowUpFlow.Workflow.Configuration;
using FollowUpFlow.Workflow.Persistence;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FollowUpFlow.Workflow.Inbound;

/// <summary>
/// The one way in for inbound mail, whatever brought it. The payload is stored first, before anything reads it, so
/// nothing is ever lost; then the message is taken out of its envelope, read, deduplicated by Message-ID (or by its
/// bytes when it has none) and routed. The deduplication row is written last, in one transaction with the outcome:
/// a crash anywhere before it leaves the message to be routed again by a retry, and routing converges.
/// </summary>
public sealed partial class InboundProcessor(
    InboundStore store,
    InboundRouter router,
    IInboundParser parser,
    IOptions<CandidateOptions> candidate,
    IOptions<InboundOptions> options,
    TimeProvider time,
    ILogger<InboundProcessor> logger,
    IHostApplicationLifetime? lifetime = null)
{
    private readonly ParseOptions _parseOptions = new()
    {
        CandidateAddresses = [candidate.Value.Email],
        CandidateTimeZone = candidate.Value.TimeZone,
        Limits = options.Value.ToMimeLimits(),
    };

    /// <summary>Once the payload is stored, processing runs until the app stops, not until the caller hangs up.</summary>
    private CancellationToken Stopping => lifetime?.ApplicationStopping ?? CancellationToken.None;

    /// <summary>Processes a raw RFC 5322 message.</summary>
    public Task<InboundResult> ProcessAsync(string userId, ReadOnlyMemory<byte> raw, InboundSource source, CancellationToken cancellationToken) =>
        ProcessAsync(userId, new InboundPayload(raw, source), cancellationToken);

    /// <summary>Stores the payload, then (unless the entry point already refused it) reads and routes its message.</summary>
    public async Task<InboundResult> ProcessAsync(string userId, InboundPayload payload, CancellationToken cancellationToken)
    {
        var receivedAt = time.GetUtcNow();
        var payloadId = InboundKeys.NewPayloadId(receivedAt);
        var stored = new StoredPayload(
            payloadId,
            receivedAt,
            payload.Source.Name(),
            payload.Bytes.Length,
            InboundKeys.Sha256Hex(payload.Bytes.Span),
            payload.Truncated,
            payload.DeclaredLength,
            payload.ContentType,
            InboundStatus.Received,
            "Stored; not processed yet.");
        await store.SavePayloadAsync(userId, stored, payload.Bytes, cancellationToken);

        try
        {
            return await ProcessStoredAsync(userId, payloadId, receivedAt, payload, Stopping);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Only the exception's type and message: no stack, no request data, nothing from configuration.
            LogProcessingFailed(logger, e, payloadId);
            var reason = $"Processing failed ({e.GetType().Name}): {e.Message}";
            await store.RecordOutcomeAsync(userId, payloadId, new PayloadOutcome(InboundStatus.Failed, reason, null, null, []), time.GetUtcNow(), Stopping);
            return new InboundResult(payloadId, InboundStatus.Failed, null, null, reason, []);
        }
    }

    private async Task<InboundResult> ProcessStoredAsync(string userId, string payloadId, DateTimeOffset receivedAt, InboundPayload payload, CancellationToken cancellationToken)
    {
        if (payload.Refusal is { } refusal)
        {
            return await RefuseAsync(userId, payloadId, refusal, null, [], cancellationToken);
        }

        var message = payload.Bytes;
        InboundSource? revealed = null;
        var problems = new List<string>();
        if (payload.Reader is { } reader)
        {
            var extraction = await reader.ReadAsync(payload.Bytes, cancellationToken);
            revealed = extraction.Source;
            problems.AddRange(extraction.Problems);
            if (extraction.Refusal is { } unreadable)
            {
                return await RefuseAsync(userId, payloadId, unreadable, revealed, problems, cancellationToken);
            }

            message = extraction.Message;
        }

        var email = parser.Parse(message, _parseOptions);
        problems.AddRange(email.Message.Problems.IsDefault ? [] : email.Message.Problems.Select(p => p.ToString()));
        problems.AddRange(email.Understanding.Problems.IsDefault ? [] : email.Understanding.Problems);
        if (!email.IsEmail)
        {
            var detail = problems.Count > 0 ? problems[0] : "no header fields could be read";
            return await RefuseAsync(userId, payloadId, new InboundRefusal(InboundRefusalKind.NotAnEmail, $"not an email: {detail}"), revealed, problems, cancellationToken);
        }

        if (email.Message.LimitExceeded is { } limit)
        {
            return await RefuseAsync(userId, payloadId, new InboundRefusal(InboundRefusalKind.TooLarge, $"refused: over a reading limit: {limit}"), revealed, problems, cancellationToken);
        }

        var messageId = email.Understanding.References.MessageId ?? email.Message.MessageId;
        var dedupeKey = InboundKeys.DedupeKey(messageId, message.Span);
        var understanding = Serialize(email.Understanding, problems);
        var bounded = InboundStore.Bound(problems);
        var from = email.Message.From.IsDefaultOrEmpty ? null : email.Message.From[0].ToString();
        PayloadOutcome Outcome(string status, string? interviewId, EmailKind kind, string reason) => new(
            status, reason, interviewId, KindName(kind), bounded, messageId, email.Message.Subject, from, understanding, dedupeKey, revealed?.Name());

        if (await store.GetDedupeAsync(userId, dedupeKey, cancellationToken) is { } earlier)
        {
            var kind = ParseKind(earlier.Kind) ?? email.Understanding.Kind;
            var reason = $"Already received as payload {earlier.PayloadId} ({earlier.Status}): {earlier.Reason}";
            await store.RecordOutcomeAsync(userId, payloadId, Outcome(InboundStatus.Duplicate, earlier.InterviewId, kind, reason), time.GetUtcNow(), cancellationToken);
            return new InboundResult(payloadId, InboundStatus.Duplicate, earlier.InterviewId, kind, reason, bounded);
        }

        var route = await router.RouteAsync(userId, email, dedupeKey, _parseOptions, cancellationToken);
        var review = route.Status == InboundStatus.NeedsReview
            ? new ReviewItem(payloadId, receivedAt, KindName(route.Kind), email.Understanding.References.OriginalSubject ?? email.Message.Subject, Writer(email) ?? from, route.Reason)
            : null;
        var dedupe = new DedupeEntry(payloadId, route.Status, route.InterviewId, KindName(route.Kind), route.Reason);
        await store.RecordOutcomeAsync(userId, payloadId, Outcome(route.Status, route.InterviewId, route.Kind, route.Reason), time.GetUtcNow(), cancellationToken, review, dedupe);
        LogRouted(logger, payloadId, route.Status, route.InterviewId);
        return new InboundResult(payloadId, route.Status, route.InterviewId, route.Kind, route.Reason, bounded);
    }

    private async Task<InboundResult> RefuseAsync(string userId, string payloadId, InboundRefusal refusal, InboundSource? revealed, List<string> problems, CancellationToken cancellationToken)
    {
        var bounded = InboundStore.Bound(problems);
        var outcome = new PayloadOutcome(InboundStatus.Refused, refusal.Reason, null, null, bounded, Source: revealed?.Name());
        await store.RecordOutcomeAsync(userId, payloadId, outcome, time.GetUtcNow(), cancellationToken);
        return new InboundResult(payloadId, InboundStatus.Refused, null, null, refusal.Reason, bounded, refusal.Kind);
    }

    /// <summary>Who wrote a forwarded original: what the candidate recognises an item by, rather than their own forward.</summary>
    private static string? Writer(ParsedEmail email) => email.Understanding.References.OriginalSender is { } sender
        ? string.IsNullOrWhiteSpace(sender.Email) ? sender.Name : $"{sender.Name} <{sender.Email}>"
        : null;

    /// <summary>The understanding as stored; one that cannot be written as JSON (a NaN confidence) is noted, not fatal.</summary>
    private static string? Serialize(EmailUnderstanding understanding, List<string> problems)
    {
        try
        {
            return JsonSerializer.Serialize(understanding, WorkflowJson.Options);
        }
        catch (ArgumentException e)
        {
            problems.Add($"The understanding could not be stored as JSON: {e.Message}");
            return null;
        }
    }

    public static string KindName(EmailKind kind) => JsonNamingPolicy.CamelCase.ConvertName(kind.ToString());

    public static EmailKind? ParseKind(string? name) =>
        Enum.TryParse<EmailKind>(name, ignoreCase: true, out var kind) && Enum.IsDefined(kind) ? kind : null;

    [LoggerMessage(Level = LogLevel.Error, Message = "Processing inbound payload {PayloadId} failed; it stays stored with status failed")]
    private static partial void LogProcessingFailed(ILogger logger, Exception exception, string payloadId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Inbound payload {PayloadId}: {Status} (interview {InterviewId})")]
    private static partial void LogRouted(ILogger logger, string payloadId, string status, string? interviewId);
}
