namespace FollowUpFlow.Storage.Tables;

/// <summary>
/// An entity-group transaction the service rejected as a whole: nothing was written. Carries which action
/// failed (when the service says) and why, as <see cref="StorageRequestException.Kind"/>.
/// </summary>
public sealed class TableTransactionFailedException : StorageRequestException
{
    public TableTransactionFailedException(int status, string? errorCode, StorageErrorKind kind, string message, int? failedActionIndex, TableTransactionAction? failedAction)
        : base(status, errorCode, kind, message)
    {
        FailedActionIndex = failedActionIndex;
        FailedAction = failedAction;
    }

    public TableTransactionFailedException()
        : this(0, null, StorageErrorKind.Other, "The table transaction failed.", null, null)
    {
    }

    public TableTransactionFailedException(string message)
        : this(0, null, StorageErrorKind.Other, message, null, null)
    {
    }

    public TableTransactionFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Zero-based index of the failing action, or null when the service did not attribute the failure.</summary>
    public int? FailedActionIndex { get; }

    public TableTransactionAction? FailedAction { get; }
}
