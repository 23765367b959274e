namespace FollowUpFlow.Storage.Tables;

/// <summary>
/// The Table service's documented limits, checked before a request is sent so oversized data fails
/// fast with a typed error instead of a 400/413 round trip. Nothing is ever truncated.
/// </summary>
public static class TableLimits
{
    public const int MaxKeyLength = 1024;
    public const int MaxPropertyValueBytes = 64 * 1024;
    public const int MaxEntityBytes = 1024 * 1024;
    public const int MaxCustomProperties = 252;
    public const int MaxBatchActions = 100;
    public const int MaxBatchBytes = 4 * 1024 * 1024;

    /// <summary>Edm.DateTime cannot hold dates before the Windows file-time epoch.</summary>
    public static readonly DateTimeOffset MinDateTime = new(1601, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static void ValidateKey(string key, string paramName)
    {
        ArgumentNullException.ThrowIfNull(key, paramName);
        if (key.Length > MaxKeyLength)
        {
            throw new PayloadTooLargeException($"The {paramName} has {key.Length} characters; the limit is {MaxKeyLength}.", paramName, key.Length, MaxKeyLength);
        }

        foreach (var c in key)
        {
            if (c is '/' or '\\' or '#' or '?' || c <= '\u001F' || c is >= '\u007F' and <= '\u009F')
            {
                throw new ArgumentException($"The {paramName} contains a character the Table service forbids in keys (/ \\ # ? or a control character).", paramName);
            }
        }
    }

    /// <summary>Checks keys, property count, each value's size and the whole entity's size as the service counts them.</summary>
    public static void ValidateEntity(TableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ValidateKey(entity.PartitionKey, nameof(entity.PartitionKey));
        ValidateKey(entity.RowKey, nameof(entity.RowKey));
        if (entity.Count > MaxCustomProperties)
        {
            throw new ArgumentException($"The entity has {entity.Count} properties; the limit is {MaxCustomProperties}.", nameof(entity));
        }

        long total = 4 + ((entity.PartitionKey.Length + entity.RowKey.Length) * 2L);
        foreach (var (name, value) in entity.Properties)
        {
            var valueBytes = ValueSize(name, value);
            total += 8 + (name.Length * 2L) + valueBytes;
        }

        if (total > MaxEntityBytes)
        {
            throw new PayloadTooLargeException(
                $"The entity ({entity.PartitionKey}, {entity.RowKey}) is {total} bytes as the Table service counts it; the limit is {MaxEntityBytes}. Split it or store the large part elsewhere.",
                null, total, MaxEntityBytes);
        }
    }

    private static long ValueSize(string name, object value)
    {
        switch (value)
        {
            case string s:
                // Strings are counted in UTF-16: 64 KiB is 32 K characters.
                CheckValue(name, s.Length * 2L);
                return 4 + (s.Length * 2L);
            case byte[] b:
                CheckValue(name, b.Length);
                return 4 + b.Length;
            case DateTimeOffset d when d < MinDateTime:
                throw new ArgumentException($"Property '{name}': Edm.DateTime values must be on or after 1601-01-01 UTC.", nameof(value));
            case bool:
                return 1;
            case int:
                return 4;
            case Guid:
                return 16;
            default:
                return 8;
        }
    }

    private static void CheckValue(string name, long bytes)
    {
        if (bytes > MaxPropertyValueBytes)
        {
            throw new PayloadTooLargeException(
                $"Property '{name}' is {bytes} bytes; a Table property holds at most {MaxPropertyValueBytes} (strings count 2 bytes a character).",
                name, bytes, MaxPropertyValueBytes);
        }
    }
}
