using System.Globalization;
using FollowUpFlow.Storage.Tables;

namespace FollowUpFlow.Workflow.Inbound;

/// <summary>
/// A payload's bytes across rows: 64 KiB per binary property (the property limit), eight properties per row
/// (512 KiB, half the 1 MiB entity limit). Every byte is kept; a reader checks it got back as many as were stored.
/// </summary>
internal static class PayloadChunks
{
    public const int BytesPerProperty = TableLimits.MaxPropertyValueBytes;
    public const int PropertiesPerRow = 8;
    public const int BytesPerRow = BytesPerProperty * PropertiesPerRow;

    /// <summary>Rows per transaction: four rows are about 2.8 MB as base64 JSON, under the 4 MiB batch limit.</summary>
    public const int RowsPerBatch = 4;

    public static int RowCount(int byteCount) => (byteCount + BytesPerRow - 1) / BytesPerRow;

    public static IEnumerable<TableEntity> ToRows(string userId, string payloadId, ReadOnlyMemory<byte> bytes)
    {
        for (var row = 0; row < RowCount(bytes.Length); row++)
        {
            var entity = new TableEntity(userId, InboundKeys.PayloadChunk(payloadId, row));
            var rowBytes = bytes.Slice(row * BytesPerRow, Math.Min(BytesPerRow, bytes.Length - (row * BytesPerRow)));
            for (var property = 0; property * BytesPerProperty < rowBytes.Length; property++)
            {
                var start = property * BytesPerProperty;
                entity[PropertyName(property)] = rowBytes.Slice(start, Math.Min(BytesPerProperty, rowBytes.Length - start)).ToArray();
            }

            yield return entity;
        }
    }

    /// <summary>Appends one row's bytes, in property order, to <paramref name="output"/>.</summary>
    public static void Append(TableEntity row, Stream output)
    {
        for (var property = 0; property < PropertiesPerRow && row.GetBinary(PropertyName(property)) is { } bytes; property++)
        {
            output.Write(bytes);
        }
    }

    private static string PropertyName(int property) => string.Create(CultureInfo.InvariantCulture, $"Bytes{property}");
}
