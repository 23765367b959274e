using Microsoft.Extensions.Logging;

namespace FollowUpFlow.Mail;

/// <summary>The Graph transport's log messages. Message ids, Graph ids and status codes only: no address, subject, body or secret.</summary>
internal static partial class GraphLog
{
    [LoggerMessage(EventId = 1200, Level = LogLevel.Information, Message = "Created Graph draft {GraphId} for message {MessageId}")]
    public static partial void DraftCreated(ILogger logger, string messageId, string graphId);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Information, Message = "Updated Graph draft {GraphId} for message {MessageId}")]
    public static partial void DraftUpdated(ILogger logger, string messageId, string graphId);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Warning, Message = "Found {Count} Graph drafts for message {MessageId}; using {GraphId}")]
    public static partial void SeveralDrafts(ILogger logger, string messageId, int count, string graphId);

    [LoggerMessage(EventId = 1203, Level = LogLevel.Information, Message = "Sent message {MessageId} through Graph draft {GraphId}")]
    public static partial void MessageSent(ILogger logger, string messageId, string graphId);

    [LoggerMessage(EventId = 1204, Level = LogLevel.Information, Message = "Message {MessageId} is already in Sent Items as {GraphId}; not sent again")]
    public static partial void AlreadySent(ILogger logger, string messageId, string graphId);

    [LoggerMessage(EventId = 1205, Level = LogLevel.Warning, Message = "Graph refused {Operation} for message {MessageId} with status {Status}")]
    public static partial void Refused(ILogger logger, string operation, string messageId, int status);

    [LoggerMessage(EventId = 1206, Level = LogLevel.Warning, Message = "Graph did not take {Operation} for message {MessageId} (status {Status}); nothing was sent")]
    public static partial void NotAccepted(ILogger logger, string operation, string messageId, int status);

    [LoggerMessage(EventId = 1207, Level = LogLevel.Warning, Message = "Sending message {MessageId} ended without an answer; whether it left is unknown until Sent Items is asked")]
    public static partial void SendOutcomeUnknown(ILogger logger, string messageId, Exception exception);

    [LoggerMessage(EventId = 1208, Level = LogLevel.Information, Message = "Graph no longer knows draft {GraphId} of message {MessageId} at send; found it in Sent Items")]
    public static partial void DraftGoneButSent(ILogger logger, string messageId, string graphId);

    [LoggerMessage(EventId = 1209, Level = LogLevel.Information, Message = "Deleted Graph draft {GraphId} of message {MessageId}")]
    public static partial void DraftDeleted(ILogger logger, string messageId, string graphId);

    [LoggerMessage(EventId = 1210, Level = LogLevel.Warning, Message = "Could not delete Graph draft {GraphId} of refused message {MessageId}; it stays in Drafts")]
    public static partial void RefusedDraftKept(ILogger logger, string messageId, string graphId, Exception exception);
}
