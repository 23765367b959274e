using System.Text;
using FollowUpFlow.Storage.Pipeline;

namespace FollowUpFlow.Storage.Tables;

/// <summary>
/// Writes the $batch body: one multipart/mixed batch holding one changeset, each part an embedded HTTP request
/// with an absolute URL. The service supports exactly one changeset per batch; lines end in CRLF.
/// </summary>
internal static class TableBatchWriter
{
    private const string Crlf = "\r\n";

    /// <param name="entityUrl">Absolute URL of an entity path or of the table itself (for inserts).</param>
    public static (byte[] Body, string ContentType) Write(IReadOnlyList<TableTransactionAction> actions, Func<string, string> entityUrl, string tableName, Guid batchId, Guid changesetId)
    {
        var batch = $"batch_{batchId:D}";
        var changeset = $"changeset_{changesetId:D}";
        var sb = new StringBuilder();
        sb.Append("--").Append(batch).Append(Crlf);
        sb.Append("Content-Type: multipart/mixed; boundary=").Append(changeset).Append(Crlf).Append(Crlf);
        foreach (var action in actions)
        {
            sb.Append("--").Append(changeset).Append(Crlf);
            sb.Append("Content-Type: application/http").Append(Crlf);
            sb.Append("Content-Transfer-Encoding: binary").Append(Crlf).Append(Crlf);
            WriteRequest(sb, action, entityUrl, tableName);
        }

        sb.Append("--").Append(changeset).Append("--").Append(Crlf);
        sb.Append("--").Append(batch).Append("--").Append(Crlf);
        return (Encoding.UTF8.GetBytes(sb.ToString()), "multipart/mixed; boundary=" + batch);
    }

    private static void WriteRequest(StringBuilder sb, TableTransactionAction action, Func<string, string> entityUrl, string tableName)
    {
        var entity = action.Entity;
        var (method, url) = action.ActionType switch
        {
            TableTransactionActionType.Add => ("POST", entityUrl(tableName)),
            TableTransactionActionType.UpsertMerge or TableTransactionActionType.UpdateMerge => ("MERGE", EntityUrl()),
            TableTransactionActionType.UpsertReplace or TableTransactionActionType.UpdateReplace => ("PUT", EntityUrl()),
            TableTransactionActionType.Delete => ("DELETE", EntityUrl()),
            _ => throw new ArgumentOutOfRangeException(nameof(action)),
        };

        sb.Append(method).Append(' ').Append(url).Append(" HTTP/1.1").Append(Crlf);
        sb.Append(StorageHeaders.Accept).Append(": ").Append(StorageHeaders.JsonMinimalMetadata).Append(Crlf);
        sb.Append(StorageHeaders.DataServiceVersion).Append(": 3.0").Append(Crlf);
        if (action.NeedsETag)
        {
            sb.Append(StorageHeaders.IfMatch).Append(": ").Append(action.EffectiveETag.ToString()).Append(Crlf);
        }

        if (action.ActionType == TableTransactionActionType.Delete)
        {
            sb.Append(Crlf);
            return;
        }

        sb.Append(StorageHeaders.ContentType).Append(": ").Append(StorageHeaders.Json).Append(Crlf);
        sb.Append(StorageHeaders.Prefer).Append(": ").Append(StorageHeaders.ReturnNoContent).Append(Crlf).Append(Crlf);
        sb.Append(Encoding.UTF8.GetString(TableEntityJson.Serialize(entity))).Append(Crlf);

        string EntityUrl() => entityUrl(TablePaths.Entity(tableName, entity.PartitionKey, entity.RowKey));
    }
}
