namespace FollowUpFlow.Storage;

/// <summary>
/// Refused before sending: a value, entity, message or batch is over the service's size limit.
/// Nothing is ever truncated; the caller must split or store the data elsewhere.
/// </summary>
public sealed class PayloadTooLargeException : ArgumentException
{
    public PayloadTooLargeException(string message, string? propertyName, long actualSize, long maxSize)
        : base(message)
    {
        PropertyName = propertyName;
        ActualSize = actualSize;
        MaxSize = maxSize;
    }

    public PayloadTooLargeException()
        : this("The payload is too large.", null, 0, 0)
    {
    }

    public PayloadTooLargeException(string message)
        : this(message, null, 0, 0)
    {
    }

    public PayloadTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The property that is too large, or null when the whole entity/message/batch is.</summary>
    public string? PropertyName { get; }

    /// <summary>Size in bytes as the service counts it (UTF-16 for strings, raw bytes for binary).</summary>
    public long ActualSize { get; }

    public long MaxSize { get; }
}
