namespace FollowUpFlow.Storage.Pipeline;

/// <summary>Header names and values shared by the Table and Queue clients.</summary>
internal static class StorageHeaders
{
    public const string Version = "x-ms-version";
    public const string Date = "x-ms-date";
    public const string ErrorCode = "x-ms-error-code";
    public const string RequestId = "x-ms-request-id";
    public const string Authorization = "Authorization";
    public const string ContentType = "Content-Type";
    public const string Accept = "Accept";
    public const string IfMatch = "If-Match";
    public const string Prefer = "Prefer";
    public const string DataServiceVersion = "DataServiceVersion";
    public const string ReturnNoContent = "return-no-content";
    public const string JsonNoMetadata = "application/json;odata=nometadata";
    public const string JsonMinimalMetadata = "application/json;odata=minimalmetadata";
    public const string Json = "application/json";
    public const string Xml = "application/xml";
}
