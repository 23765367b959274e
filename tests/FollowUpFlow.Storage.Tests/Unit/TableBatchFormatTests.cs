using Azure;
using System.Text;
using FollowUpFlow.Storage.Tables;

namespace FollowUpFlow.Storage.Tests.Unit;

public sealed class TableBatchFormatTests
{
    private static readonly Guid BatchId = Guid.Parse("11111111-1111-1111-1111-111111111111");
    private static readonly Guid ChangesetId = Guid.Parse("22222222-2222-2222-2222-222222222222");

    [Fact]
    public void Batch_body_is_one_changeset_of_embedded_requests_with_crlf()
    {
        var etag = new ETag("W/\"datetime'2025-01-01T00%3A00%3A00Z'\"");
        TableTransactionAction[] actions =
        [
            new(TableTransactionActionType.Add, new TableEntity("p", "a") { ["N"] = 1 }),
            new(TableTransactionActionType.UpdateMerge, new TableEntity("p", "b"), etag),
            new(TableTransactionActionType.UpsertReplace, new TableEntity("p", "c")),
            new(TableTransactionActionType.Delete, new TableEntity("p", "d'q"), ETag.All),
        ];

        var (body, contentType) = TableBatchWriter.Write(actions, path => "https://acct.table.core.windows.net/" + path, "jobs", BatchId, ChangesetId);
        var text = Encoding.UTF8.GetString(body);

        Assert.Equal("multipart/mixed; boundary=batch_11111111-1111-1111-1111-111111111111", contentType);
        var expected =
            "--batch_11111111-1111-1111-1111-111111111111\r\n" +
            "Content-Type: multipart/mixed; boundary=changeset_22222222-2222-2222-2222-222222222222\r\n\r\n" +
            "--changeset_22222222-2222-2222-2222-222222222222\r\n" +
            "Content-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n" +
            "POST https://acct.table.core.windows.net/jobs HTTP/1.1\r\n" +
            "Accept: application/json;odata=minimalmetadata\r\nDataServiceVersion: 3.0\r\n" +
            "Content-Type: application/json\r\nPrefer: return-no-content\r\n\r\n" +
            "{\"PartitionKey\":\"p\",\"RowKey\":\"a\",\"N\":1}\r\n" +
            "--changeset_22222222-2222-2222-2222-222222222222\r\n" +
            "Content-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n" +
            "MERGE https://acct.table.core.windows.net/jobs(PartitionKey='p',RowKey='b') HTTP/1.1\r\n" +
            "Accept: application/json;odata=minimalmetadata\r\nDataServiceVersion: 3.0\r\n" +
            "If-Match: W/\"datetime'2025-01-01T00%3A00%3A00Z'\"\r\n" +
            "Content-Type: application/json\r\nPrefer: return-no-content\r\n\r\n" +
            "{\"PartitionKey\":\"p\",\"RowKey\":\"b\"}\r\n" +
            "--changeset_22222222-2222-2222-2222-222222222222\r\n" +
            "Content-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n" +
            "PUT https://acct.table.core.windows.net/jobs(PartitionKey='p',RowKey='c') HTTP/1.1\r\n" +
            "Accept: application/json;odata=minimalmetadata\r\nDataServiceVersion: 3.0\r\n" +
            "Content-Type: application/json\r\nPrefer: return-no-content\r\n\r\n" +
            "{\"PartitionKey\":\"p\",\"RowKey\":\"c\"}\r\n" +
            "--changeset_22222222-2222-2222-2222-222222222222\r\n" +
            "Content-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n" +
            "DELETE https://acct.table.core.windows.net/jobs(PartitionKey='p',RowKey='d%27%27q') HTTP/1.1\r\n" +
            "Accept: application/json;odata=minimalmetadata\r\nDataServiceVersion: 3.0\r\nIf-Match: *\r\n\r\n" +
            "--changeset_22222222-2222-2222-2222-222222222222--\r\n" +
            "--batch_11111111-1111-1111-1111-111111111111--\r\n";
        Assert.Equal(expected, text);
    }

    [Fact]
    public void Success_reply_yields_each_status_and_etag_in_order()
    {
        const string reply =
            "--batchresponse_abc\r\n" +
            "Content-Type: multipart/mixed; boundary=changesetresponse_def\r\n\r\n" +
            "--changesetresponse_def\r\n" +
            "Content-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n" +
            "HTTP/1.1 204 No Content\r\nContent-ID: 1\r\nETag: W/\"one\"\r\n\r\n\r\n" +
            "--changesetresponse_def\r\n" +
            "Content-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n" +
            "HTTP/1.1 204 No Content\r\nContent-ID: 2\r\n\r\n\r\n" +
            "--changesetresponse_def--\r\n" +
            "--batchresponse_abc--\r\n";

        var parts = MultipartResponseReader.Read(reply, "multipart/mixed; boundary=batchresponse_abc");

        Assert.Equal(2, parts.Count);
        Assert.All(parts, p => Assert.Equal(204, p.Status));
        Assert.Equal("W/\"one\"", parts[0].Headers["ETag"]);
        Assert.False(parts[1].Headers.ContainsKey("ETag"));
    }

    [Fact]
    public void Failure_reply_carries_status_and_the_odata_error()
    {
        const string reply =
            "--batchresponse_x\n" +
            "Content-Type: multipart/mixed; boundary=changesetresponse_y\n\n" +
            "--changesetresponse_y\n" +
            "Content-Type: application/http\nContent-Transfer-Encoding: binary\n\n" +
            "HTTP/1.1 409 Conflict\nContent-ID: 2\nContent-Type: application/json;odata=minimalmetadata;charset=utf-8\n\n" +
            "{\"odata.error\":{\"code\":\"EntityAlreadyExists\",\"message\":{\"lang\":\"en-US\",\"value\":\"1:The specified entity already exists.\\nRequestId:abc\"}}}\n" +
            "--changesetresponse_y--\n" +
            "--batchresponse_x--\n";

        var part = Assert.Single(MultipartResponseReader.Read(reply, "multipart/mixed; boundary=\"batchresponse_x\""));

        Assert.Equal(409, part.Status);
        var (code, message) = StorageErrors.ReadBody(BinaryData.FromString(part.Body));
        Assert.Equal("EntityAlreadyExists", code);
        Assert.StartsWith("1:The specified entity already exists.", message, StringComparison.Ordinal);
    }
}
