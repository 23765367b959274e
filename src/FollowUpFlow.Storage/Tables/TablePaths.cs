namespace FollowUpFlow.Storage.Tables;

/// <summary>Table names and the OData resource paths built from them.</summary>
internal static class TablePaths
{
    /// <summary>3 to 63 letters and digits, starting with a letter; "tables" is reserved.</summary>
    public static void ValidateTableName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var valid = name.Length is >= 3 and <= 63
            && char.IsAsciiLetter(name[0])
            && name.All(char.IsAsciiLetterOrDigit)
            && !name.Equals("tables", StringComparison.OrdinalIgnoreCase);
        if (!valid)
        {
            throw new ArgumentException($"'{name}' is not a valid table name: 3-63 ASCII letters or digits, starting with a letter, not 'tables'.", nameof(name));
        }
    }

    /// <summary>table(PartitionKey='..',RowKey='..'), quotes doubled then percent-encoded, as the service parses it.</summary>
    public static string Entity(string table, string partitionKey, string rowKey) =>
        $"{table}(PartitionKey='{EscapeKey(partitionKey)}',RowKey='{EscapeKey(rowKey)}')";

    public static string Table(string table) => $"Tables('{table}')";

    private static string EscapeKey(string key) => Uri.EscapeDataString(key.Replace("'", "''", StringComparison.Ordinal));
}
