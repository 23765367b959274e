namespace FollowUpFlow.Storage;

/// <summary>Splits a storage connection string into its settings. Errors name the setting, never its value.</summary>
internal static class StorageConnectionString
{
    public static Dictionary<string, string> Parse(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var segment in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // Split on the first '=' only: base64 keys end with '=' padding.
            var eq = segment.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new FormatException("The storage connection string has a segment that is not 'Name=Value'.");
            }

            var name = segment[..eq].Trim();
            var value = segment[(eq + 1)..].Trim();
            if (!settings.TryAdd(name, value))
            {
                throw new FormatException($"The storage connection string sets '{name}' more than once.");
            }
        }

        return settings;
    }
}
