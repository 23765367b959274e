using System.Net;
using Microsoft.Extensions.Logging;

namespace FollowUpFlow.Mail;

/// <summary>
/// Source-generated log messages of the SendGrid transport. Ids, status codes and times only: never the API key,
/// an address, a subject or SendGrid's error text (which can quote an address).
/// </summary>
internal static partial class SendGridLog
{
    [LoggerMessage(EventId = 1200, Level = LogLevel.Information, Message = "SendGrid accepted message {MessageId} as {SendGridMessageId} (attempt {Attempt})")]
    public static partial void Accepted(ILogger logger, string messageId, string sendGridMessageId, int attempt);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Warning, Message = "SendGrid answered {StatusCode} to message {MessageId} (attempt {Attempt}); trying again in {Delay}")]
    public static partial void Retrying(ILogger logger, string messageId, HttpStatusCode statusCode, int attempt, TimeSpan delay);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Warning, Message = "SendGrid did not take message {MessageId}: {StatusCode} at attempt {Attempt}")]
    public static partial void NotAccepted(ILogger logger, string messageId, HttpStatusCode statusCode, int attempt);

    [LoggerMessage(EventId = 1203, Level = LogLevel.Warning, Message = "SendGrid refused message {MessageId}: {StatusCode}")]
    public static partial void Refused(ILogger logger, string messageId, HttpStatusCode statusCode);

    [LoggerMessage(EventId = 1204, Level = LogLevel.Warning, Message = "No answer from SendGrid for message {MessageId} within {Timeout}; whether it left is unknown")]
    public static partial void NoAnswer(ILogger logger, string messageId, TimeSpan timeout);

    [LoggerMessage(EventId = 1205, Level = LogLevel.Warning, Message = "The connection to SendGrid failed while sending message {MessageId}; whether it left is unknown")]
    public static partial void ConnectionFailed(ILogger logger, string messageId, Exception exception);

    [LoggerMessage(EventId = 1206, Level = LogLevel.Warning, Message = "SendGrid accepted message {MessageId} without an X-Message-Id header")]
    public static partial void AcceptedWithoutId(ILogger logger, string messageId);
}
