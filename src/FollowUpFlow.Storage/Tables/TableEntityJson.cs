using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace FollowUpFlow.Storage.Tables;

/// <summary>
/// Writes entity JSON in the OData v3 shape: values the JSON type cannot carry
/// (Int64, DateTime, Guid, Binary, Double) get a "Name@odata.type" annotation.
/// </summary>
internal static class TableEntityJson
{
    public const string TypeSuffix = "@odata.type";
    public const string EdmInt64 = "Edm.Int64";
    public const string EdmInt32 = "Edm.Int32";
    public const string EdmDouble = "Edm.Double";
    public const string EdmDateTime = "Edm.DateTime";
    public const string EdmGuid = "Edm.Guid";
    public const string EdmBinary = "Edm.Binary";
    public const string EdmBoolean = "Edm.Boolean";
    public const string EdmString = "Edm.String";

    // The default encoder writes pure ASCII (\uXXXX for the rest). Bigger bodies, but Azurite joins request
    // chunks as separate strings and corrupts a UTF-8 character split across a chunk boundary.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.Default };

    public static byte[] Serialize(TableEntity entity)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            Write(writer, entity);
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static void Write(Utf8JsonWriter writer, TableEntity entity)
    {
        writer.WriteStartObject();
        writer.WriteString("PartitionKey", entity.PartitionKey);
        writer.WriteString("RowKey", entity.RowKey);
        foreach (var (name, value) in entity.Properties)
        {
            WriteProperty(writer, name, value);
        }

        writer.WriteEndObject();
    }

    public static string FormatDateTime(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset ParseDateTime(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private static void WriteProperty(Utf8JsonWriter writer, string name, object value)
    {
        switch (value)
        {
            case string s:
                writer.WriteString(name, s);
                break;
            case bool b:
                writer.WriteBoolean(name, b);
                break;
            case int i:
                writer.WriteNumber(name, i);
                break;
            case long l:
                writer.WriteString(name + TypeSuffix, EdmInt64);
                writer.WriteString(name, l.ToString(CultureInfo.InvariantCulture));
                break;
            case double d:
                writer.WriteString(name + TypeSuffix, EdmDouble);
                if (double.IsFinite(d))
                {
                    writer.WriteNumber(name, d);
                }
                else
                {
                    writer.WriteString(name, double.IsNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
                }

                break;
            case DateTimeOffset dto:
                writer.WriteString(name + TypeSuffix, EdmDateTime);
                writer.WriteString(name, FormatDateTime(dto));
                break;
            case Guid g:
                writer.WriteString(name + TypeSuffix, EdmGuid);
                writer.WriteString(name, g.ToString("D"));
                break;
            case byte[] bytes:
                writer.WriteString(name + TypeSuffix, EdmBinary);
                writer.WriteBase64String(name, bytes);
                break;
            default:
                throw new ArgumentException($"Property '{name}' has unsupported type {value.GetType().Name}.", nameof(value));
        }
    }
}
