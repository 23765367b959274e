using System.Globalization;

namespace FollowUpFlow.Testing.Fakes;

/// <summary>The kinds of request <see cref="FakeGraphServer"/> serves; faults are queued per kind.</summary>
public enum FakeGraphRoute
{
    /// <summary>POST /users/{mailbox}/messages</summary>
    CreateMessage,

    /// <summary>PATCH /users/{mailbox}/messages/{id}</summary>
    UpdateMessage,

    /// <summary>POST /users/{mailbox}/messages/{id}/send</summary>
    SendMessage,

    /// <summary>GET /users/{mailbox}/mailFolders/Drafts/messages</summary>
    ListDrafts,

    /// <summary>GET /users/{mailbox}/mailFolders/SentItems/messages</summary>
    ListSentItems,

    /// <summary>GET /users/{mailbox}/messages</summary>
    ListMailbox,

    /// <summary>GET /users/{mailbox}/messages/{id}</summary>
    GetMessage,

    /// <summary>DELETE /users/{mailbox}/messages/{id}</summary>
    DeleteMessage,

    /// <summary>POST /subscriptions</summary>
    CreateSubscription,

    /// <summary>PATCH /subscriptions/{id}</summary>
    RenewSubscription,

    /// <summary>DELETE /subscriptions/{id}</summary>
    DeleteSubscription,
}

/// <summary>
/// The next answer of a route, instead of the normal one: an error status with Graph's error body (and Retry-After when
/// given), or the normal work done and then the connection dropped before any answer (a crash after the effect).
/// </summary>
public sealed record FakeGraphFault
{
    private FakeGraphFault()
    {
    }

    public int StatusCode { get; private init; }

    public string ErrorCode { get; private init; } = "";

    public string ErrorMessage { get; private init; } = "";

    public string? RetryAfter { get; private init; }

    public bool DropsConnectionAfterHandling { get; private init; }

    /// <summary>The request's work is done before the error is answered (a gateway that timed out after the back end acted).</summary>
    public bool HandlesBeforeAnswering { get; private init; }

    /// <summary>429 as Graph throttles, with Retry-After in whole seconds (the only form Graph and its SDK use).</summary>
    public static FakeGraphFault Throttled(int retryAfterSeconds) => new()
    {
        StatusCode = 429,
        ErrorCode = "ApplicationThrottled",
        ErrorMessage = "Application is over its MailboxConcurrency limit.",
        RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture),
    };

    public static FakeGraphFault Unavailable(int? retryAfterSeconds) => new()
    {
        StatusCode = 503,
        ErrorCode = "ServiceNotAvailable",
        ErrorMessage = "The service is temporarily unavailable.",
        RetryAfter = retryAfterSeconds?.ToString(CultureInfo.InvariantCulture),
    };

    public static FakeGraphFault Error(int statusCode, string errorCode, string errorMessage)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 400);
        return new FakeGraphFault { StatusCode = statusCode, ErrorCode = errorCode, ErrorMessage = errorMessage };
    }

    /// <summary>Does the request's work (a send moves the message), then answers 504 as a gateway that gave up waiting would.</summary>
    public static FakeGraphFault GatewayTimeoutAfterHandling(int retryAfterSeconds) => new()
    {
        StatusCode = 504,
        ErrorCode = "UnknownError",
        ErrorMessage = "The gateway timed out.",
        RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture),
        HandlesBeforeAnswering = true,
    };

    /// <summary>Does the request's work (a send moves the message to Sent Items), then aborts the connection unanswered.</summary>
    public static FakeGraphFault DropConnectionAfterHandling() => new() { DropsConnectionAfterHandling = true };
}
