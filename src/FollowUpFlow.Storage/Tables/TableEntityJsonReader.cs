using System.Globalization;
using System.Text.Json;
using Azure;
using static FollowUpFlow.Storage.Tables.TableEntityJson;

namespace FollowUpFlow.Storage.Tables;

/// <summary>
/// Reads entities from the service's minimal-metadata JSON: annotations give the Edm type, otherwise the
/// JSON kind decides; odata.etag becomes the ETag and other odata.* members are skipped.
/// </summary>
internal static class TableEntityJsonReader
{
    /// <summary>Reads one entity object from a response (point read or one element of a query's "value").</summary>
    public static TableEntity Read(JsonElement element)
    {
        string? partitionKey = null, rowKey = null;
        Dictionary<string, string>? types = null;
        foreach (var property in element.EnumerateObject())
        {
            if (property.Name.EndsWith(TypeSuffix, StringComparison.Ordinal) && property.Value.ValueKind == JsonValueKind.String)
            {
                types ??= new Dictionary<string, string>(StringComparer.Ordinal);
                types[property.Name[..^TypeSuffix.Length]] = property.Value.GetString()!;
            }
            else if (property.NameEquals("PartitionKey"))
            {
                partitionKey = property.Value.GetString();
            }
            else if (property.NameEquals("RowKey"))
            {
                rowKey = property.Value.GetString();
            }
        }

        var entity = new TableEntity(partitionKey ?? string.Empty, rowKey ?? string.Empty);
        foreach (var property in element.EnumerateObject())
        {
            var name = property.Name;
            if (name is "PartitionKey" or "RowKey" || name.EndsWith(TypeSuffix, StringComparison.Ordinal))
            {
                continue;
            }

            if (name == "odata.etag")
            {
                entity.ETag = property.Value.GetString() is { } etag ? new ETag(etag) : default;
            }
            else if (name == "Timestamp")
            {
                entity.Timestamp = ParseDateTime(property.Value.GetString()!);
            }
            else if (!name.StartsWith("odata.", StringComparison.Ordinal) && property.Value.ValueKind != JsonValueKind.Null)
            {
                var type = types is not null && types.TryGetValue(name, out var t) ? t : null;
                entity.SetFromService(name, ReadValue(name, property.Value, type));
            }
        }

        return entity;
    }

    private static object ReadValue(string name, JsonElement value, string? edmType)
    {
        switch (edmType)
        {
            case EdmInt64:
                return value.ValueKind == JsonValueKind.Number ? value.GetInt64() : long.Parse(value.GetString()!, NumberStyles.Integer, CultureInfo.InvariantCulture);
            case EdmInt32:
                return value.ValueKind == JsonValueKind.Number ? value.GetInt32() : int.Parse(value.GetString()!, NumberStyles.Integer, CultureInfo.InvariantCulture);
            case EdmDouble:
                return value.ValueKind == JsonValueKind.Number ? value.GetDouble() : ParseDouble(value.GetString()!);
            case EdmDateTime:
                return ParseDateTime(value.GetString()!);
            case EdmGuid:
                return Guid.Parse(value.GetString()!, CultureInfo.InvariantCulture);
            case EdmBinary:
                return value.GetBytesFromBase64();
            case EdmBoolean:
                return value.GetBoolean();
            case null or EdmString:
                return Untyped(name, value);
            default:
                throw new FormatException($"Property '{name}' has unknown type '{edmType}'.");
        }
    }

    // Without an annotation the JSON kind decides: the service writes doubles with a '.' or exponent
    // ("5.0"), so a bare integer literal is an Int32.
    private static object Untyped(string name, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number when IsIntegerLiteral(value) && value.TryGetInt32(out var i) => i,
        JsonValueKind.Number => value.GetDouble(),
        _ => throw new FormatException($"Property '{name}' has a {value.ValueKind} value, which is not a Table type."),
    };

    private static bool IsIntegerLiteral(JsonElement value) => value.GetRawText().AsSpan().IndexOfAny(".eE") < 0;

    private static double ParseDouble(string text) => text switch
    {
        "NaN" => double.NaN,
        "Infinity" or "INF" => double.PositiveInfinity,
        "-Infinity" or "-INF" => double.NegativeInfinity,
        _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
    };
}
