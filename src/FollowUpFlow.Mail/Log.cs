using Microsoft.Extensions.Logging;

namespace FollowUpFlow.Mail;

/// <summary>Source-generated log messages. Ids and paths only: never a subject, body or address.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1100, Level = LogLevel.Information, Message = "Wrote message {MessageId} to the outbox at {Path}")]
    public static partial void MessageWritten(ILogger logger, string messageId, string path);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Message {MessageId} is already in the outbox at {Path}; not written again")]
    public static partial void MessageAlreadyInOutbox(ILogger logger, string messageId, string path);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Information, Message = "Created the outbox folder {Folder}")]
    public static partial void OutboxFolderCreated(ILogger logger, string folder);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Warning, Message = "Could not delete the temporary outbox file {Path}")]
    public static partial void TempFileNotDeleted(ILogger logger, string path, Exception exception);
}
