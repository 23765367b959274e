using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FollowUpFlow.Mail;

/// <summary>
/// The local transport: each message becomes <c>&lt;message-id&gt;.eml</c> in a folder. The file
/// appears atomically (temp file, flush, move without overwrite), and the message id decides the
/// name, so a retried or concurrent send of the same message leaves exactly one file.
/// </summary>
public sealed class FileOutboxTransport : IMailTransport
{
    private readonly string _folder;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<FileOutboxTransport> _logger;

    public FileOutboxTransport(IOptions<FileOutboxOptions> options, TimeProvider timeProvider, ILogger<FileOutboxTransport> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);

        var value = options.Value;
        var validation = new FileOutboxOptionsValidator().Validate(Options.DefaultName, value);
        if (validation.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(FileOutboxOptions), validation.Failures);
        }

        _folder = Path.GetFullPath(value.Folder);
        _timeProvider = timeProvider;
        _logger = logger;
    }

    public async Task<SendResult> SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        cancellationToken.ThrowIfCancellationRequested();

        EnsureFolder();
        var path = PathFor(message.MessageId);
        if (File.Exists(path))
        {
            return AlreadySent(message.MessageId, path);
        }

        var bytes = RfcMessageWriter.WriteBytes(message);
        var sentAt = _timeProvider.GetUtcNow();
        var tempPath = Path.Combine(_folder, OutboxFileNames.NewTempName());
        try
        {
            await using (var stream = new FileStream(tempPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous))
            {
                await stream.WriteAsync(bytes, cancellationToken);
                await stream.FlushAsync(cancellationToken);

                // Durable before it becomes visible: a crash must not leave a half-written .eml.
                stream.Flush(flushToDisk: true);
            }

            // The file's time is the send time, so a later duplicate send can report it.
            File.SetLastWriteTimeUtc(tempPath, sentAt.UtcDateTime);
            try
            {
                File.Move(tempPath, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                // A concurrent send of the same message won the race: that is our send too.
                return AlreadySent(message.MessageId, path);
            }
        }
        finally
        {
            DeleteTempFile(tempPath);
        }

        Log.MessageWritten(_logger, message.MessageId, path);
        return new SendResult(message.MessageId, sentAt, path);
    }

    public Task<SendCheck> CheckSentAsync(string messageId, CancellationToken cancellationToken)
    {
        MessageIds.Validate(messageId, nameof(messageId));
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(File.Exists(PathFor(messageId)) ? SendCheck.Sent : SendCheck.NotSent);
    }

    private string PathFor(string messageId) => Path.Combine(_folder, OutboxFileNames.For(messageId));

    private SendResult AlreadySent(string messageId, string path)
    {
        Log.MessageAlreadyInOutbox(_logger, messageId, path);
        var sentAt = new DateTimeOffset(File.GetLastWriteTimeUtc(path), TimeSpan.Zero);
        return new SendResult(messageId, sentAt, path);
    }

    private void EnsureFolder()
    {
        if (!Directory.Exists(_folder))
        {
            Directory.CreateDirectory(_folder);
            Log.OutboxFolderCreated(_logger, _folder);
        }
    }

    private void DeleteTempFile(string tempPath)
    {
        try
        {
            File.Delete(tempPath);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            Log.TempFileNotDeleted(_logger, tempPath, exception);
        }
    }
}
