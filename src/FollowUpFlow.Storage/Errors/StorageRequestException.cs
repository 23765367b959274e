using Azure;

namespace FollowUpFlow.Storage;

/// <summary>
/// A storage request the service refused. Derives from Azure's <see cref="RequestFailedException"/>
/// (Status, ErrorCode) and adds <see cref="Kind"/>. Messages carry the operation and the service's text, never keys.
/// </summary>
public class StorageRequestException : RequestFailedException
{
    public StorageRequestException(int status, string? errorCode, StorageErrorKind kind, string message, Exception? innerException = null)
        : base(status, message, errorCode, innerException)
    {
        Kind = kind;
    }

    public StorageRequestException()
        : this(0, null, StorageErrorKind.Other, "The storage request failed.")
    {
    }

    public StorageRequestException(string message)
        : this(0, null, StorageErrorKind.Other, message)
    {
    }

    public StorageRequestException(string message, Exception innerException)
        : this(0, null, StorageErrorKind.Other, message, innerException)
    {
    }

    public StorageErrorKind Kind { get; }
}
