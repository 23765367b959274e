using System.Net;
using System.Net.Http.Headers;

namespace FollowUpFlow.Mail;

/// <summary>
/// SendGrid's answer to one attempt, read in full so retries never hold a response open: the status, the
/// <c>X-Message-Id</c> of an accepted message, the <c>Retry-After</c> of a refusal to take it now, and the error texts.
/// </summary>
internal sealed record SendGridAnswer(
    HttpStatusCode StatusCode,
    string? SendGridMessageId,
    RetryConditionHeaderValue? RetryAfter,
    IReadOnlyList<string> Errors)
{
    public bool IsAccepted => StatusCode == HttpStatusCode.Accepted;

    /// <summary>429 and 5xx: SendGrid did not take the message, and may later.</summary>
    public bool IsNotTakenNow => StatusCode == HttpStatusCode.TooManyRequests || (int)StatusCode >= 500;
}
