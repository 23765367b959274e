using System.Globalization;

namespace FollowUpFlow.Storage.Tables;

/// <summary>
/// Builds OData filters from interpolated strings, quoting every interpolated value by its type, so a value
/// can never change the filter's shape: <c>TableFilter.Create($"PartitionKey eq {user} and Due le {now}")</c>.
/// </summary>
public static class TableFilter
{
    public static string Create(FormattableString filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var args = filter.GetArguments();
        var literals = new object?[args.Length];
        for (var i = 0; i < args.Length; i++)
        {
            literals[i] = Literal(args[i]);
        }

        return string.Format(CultureInfo.InvariantCulture, filter.Format, literals);
    }

    /// <summary>The OData literal for one value: 'text' (quotes doubled), 12L, 1.5, true, datetime'..', guid'..', X'..'.</summary>
    public static string Literal(object? value) => value switch
    {
        null => throw new ArgumentNullException(nameof(value), "A filter value cannot be null; the Table service has no null comparisons."),
        string s => Quote(s),
        char c => Quote(c.ToString()),
        bool b => b ? "true" : "false",
        byte or sbyte or short or ushort or int => Convert.ToInt32(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
        uint or long => Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture) + "L",
        double d => Double(d),
        float f => Double(f),
        DateTimeOffset dto => $"datetime'{TableEntityJson.FormatDateTime(dto)}'",
        DateTime { Kind: DateTimeKind.Unspecified } => throw new ArgumentException("A DateTime with unspecified kind is ambiguous in a filter; use DateTimeOffset or a UTC DateTime.", nameof(value)),
        DateTime dt => $"datetime'{TableEntityJson.FormatDateTime(new DateTimeOffset(dt.ToUniversalTime(), TimeSpan.Zero))}'",
        Guid g => $"guid'{g:D}'",
        byte[] bytes => $"X'{Convert.ToHexStringLower(bytes)}'",
        _ => throw new ArgumentException($"A {value.GetType().Name} cannot be used in a Table filter.", nameof(value)),
    };

    private static string Quote(string s) => "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'";

    // A literal with a '.' or exponent is an Edm.Double to the service; "5" alone would be an Int32.
    private static string Double(double d)
    {
        if (!double.IsFinite(d))
        {
            throw new ArgumentException("NaN and infinities cannot be used in a Table filter.", nameof(d));
        }

        var text = d.ToString("R", CultureInfo.InvariantCulture);
        return text.AsSpan().IndexOfAny(".E") < 0 ? text + ".0" : text;
    }
}
