using System.Globalization;
using System.Text;
using Azure.Core;
using FollowUpFlow.Storage.Pipeline;

namespace FollowUpFlow.Storage.Auth;

/// <summary>
/// Shared Key for the Queue (and Blob) service, 2009-09-19 and later: twelve standard headers, every
/// x-ms-* header, then the resource with every query parameter.
/// </summary>
public sealed class QueueSharedKeyPolicy(StorageSharedKeyCredential credential) : SharedKeyPolicy(credential)
{
    private protected override string StringToSign(Request request, string accountName) => BuildStringToSign(request, accountName);

    internal static string BuildStringToSign(Request request, string accountName)
    {
        var uri = request.Uri.ToUri();

        // Since 2015-02-21 a zero Content-Length is signed as an empty string.
        var contentLength = request.Content is { } content && content.TryComputeLength(out var length) && length > 0
            ? length.ToString(CultureInfo.InvariantCulture)
            : string.Empty;

        var sb = new StringBuilder();
        sb.Append(request.Method.Method).Append('\n');
        Line(sb, request, "Content-Encoding");
        Line(sb, request, "Content-Language");
        sb.Append(contentLength).Append('\n');
        Line(sb, request, "Content-MD5");
        Line(sb, request, StorageHeaders.ContentType);
        // The Date line stays empty when x-ms-date is sent (it is signed among the x-ms-* headers).
        sb.Append(request.Headers.TryGetValue(StorageHeaders.Date, out _) ? string.Empty : SharedKeyCanonicalizer.Header(request, "Date")).Append('\n');
        Line(sb, request, "If-Modified-Since");
        Line(sb, request, StorageHeaders.IfMatch);
        Line(sb, request, "If-None-Match");
        Line(sb, request, "If-Unmodified-Since");
        Line(sb, request, "Range");
        sb.Append(SharedKeyCanonicalizer.MsHeaders(request));
        sb.Append(SharedKeyCanonicalizer.ResourcePath(uri, accountName));
        foreach (var (name, values) in SharedKeyCanonicalizer.QueryParameters(uri))
        {
            values.Sort(StringComparer.Ordinal);
            sb.Append('\n').Append(name).Append(':').Append(string.Join(',', values));
        }

        return sb.ToString();
    }

    private static void Line(StringBuilder sb, Request request, string header) =>
        sb.Append(SharedKeyCanonicalizer.Header(request, header)).Append('\n');
}
