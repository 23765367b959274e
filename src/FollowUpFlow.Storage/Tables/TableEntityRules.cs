namespace FollowUpFlow.Storage.Tables;

/// <summary>Property names and value types the Table service accepts.</summary>
internal static class TableEntityRules
{
    public const int MaxPropertyNameLength = 255;

    // Timestamp is the service's; the keys have their own members; odata.* names are protocol annotations.
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal) { "PartitionKey", "RowKey", "Timestamp", "ETag" };

    public static void ValidatePropertyName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (Reserved.Contains(name))
        {
            throw new ArgumentException($"'{name}' is a system property; use the TableEntity member instead.", nameof(name));
        }

        if (name.Length is 0 or > MaxPropertyNameLength)
        {
            throw new ArgumentException($"A property name must have 1 to {MaxPropertyNameLength} characters.", nameof(name));
        }

        // The service asks for C# identifier rules: a letter or '_' first, then letters, digits or '_'.
        if (!(char.IsLetter(name[0]) || name[0] == '_'))
        {
            throw new ArgumentException($"Property name '{name}' must start with a letter or '_'.", nameof(name));
        }

        foreach (var c in name)
        {
            if (!(char.IsLetterOrDigit(c) || c == '_'))
            {
                throw new ArgumentException($"Property name '{name}' may contain only letters, digits and '_'.", nameof(name));
            }
        }
    }

    public static object NormalizeValue(string name, object value) => value switch
    {
        string or bool or int or long or double or Guid or byte[] => value,
        DateTimeOffset dto => dto.ToUniversalTime(),
        DateTime { Kind: DateTimeKind.Unspecified } => throw new ArgumentException(
            $"Property '{name}': a DateTime with unspecified kind is ambiguous; use DateTimeOffset or a UTC DateTime.", nameof(value)),
        DateTime dt => new DateTimeOffset(dt.ToUniversalTime(), TimeSpan.Zero),
        _ => throw new ArgumentException(
            $"Property '{name}': type {value.GetType().Name} is not a Table type (string, bool, int, long, double, DateTimeOffset, Guid, byte[]).",
            nameof(value)),
    };
}
