using System.Net;

namespace FollowUpFlow.Testing.Fakes;

/// <summary>What the fake does with the next request, in place of its normal check-and-accept.</summary>
public sealed record FakeSendGridAnswer
{
    private FakeSendGridAnswer(FakeSendGridAnswerKind kind, HttpStatusCode status)
    {
        Kind = kind;
        Status = status;
    }

    public FakeSendGridAnswerKind Kind { get; }

    public HttpStatusCode Status { get; }

    /// <summary>The Retry-After header as sent: seconds or an HTTP date.</summary>
    public string? RetryAfter { get; private init; }

    /// <summary>SendGrid's <c>errors[].message</c> and <c>errors[].field</c> for an error status.</summary>
    public IReadOnlyList<FakeSendGridError> Errors { get; private init; } = [];

    /// <summary>429 with <c>Retry-After: {seconds}</c>.</summary>
    public static FakeSendGridAnswer TooManyRequests(int retryAfterSeconds) => new(FakeSendGridAnswerKind.Status, HttpStatusCode.TooManyRequests)
    {
        RetryAfter = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Errors = [new FakeSendGridError("too many requests", null)],
    };

    /// <summary>429 with <c>Retry-After</c> as an HTTP date.</summary>
    public static FakeSendGridAnswer TooManyRequestsUntil(DateTimeOffset retryAt) => new(FakeSendGridAnswerKind.Status, HttpStatusCode.TooManyRequests)
    {
        RetryAfter = retryAt.ToUniversalTime().ToString("r", System.Globalization.CultureInfo.InvariantCulture),
        Errors = [new FakeSendGridError("too many requests", null)],
    };

    /// <summary>A 5xx (or 429 without Retry-After), with an optional Retry-After in seconds.</summary>
    public static FakeSendGridAnswer ServerError(HttpStatusCode status = HttpStatusCode.ServiceUnavailable, int? retryAfterSeconds = null) =>
        new(FakeSendGridAnswerKind.Status, status)
        {
            RetryAfter = retryAfterSeconds?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Errors = [new FakeSendGridError("The SendGrid v3 Web API is not available.", null)],
        };

    /// <summary>A refusal such as 400, 401, 403 or 413 with SendGrid's error body.</summary>
    public static FakeSendGridAnswer Refuse(HttpStatusCode status, string message, string? field = null) =>
        new(FakeSendGridAnswerKind.Status, status) { Errors = [new FakeSendGridError(message, field)] };

    /// <summary>Checks and records the message as accepted, then drops the connection without an answer.</summary>
    public static FakeSendGridAnswer AcceptThenDrop() => new(FakeSendGridAnswerKind.AcceptThenDrop, HttpStatusCode.Accepted);

    /// <summary>Checks and records the message as accepted, then never answers (until the client gives up or the fake stops).</summary>
    public static FakeSendGridAnswer AcceptThenHang() => new(FakeSendGridAnswerKind.AcceptThenHang, HttpStatusCode.Accepted);
}

public enum FakeSendGridAnswerKind
{
    /// <summary>Answer with <see cref="FakeSendGridAnswer.Status"/> before looking at the body; nothing is accepted.</summary>
    Status,
    AcceptThenDrop,
    AcceptThenHang,
}

/// <summary>One entry of SendGrid's <c>{"errors":[{"message","field"}]}</c>.</summary>
public sealed record FakeSendGridError(string Message, string? Field);
