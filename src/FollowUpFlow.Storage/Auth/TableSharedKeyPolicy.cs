using Azure.Core;
using FollowUpFlow.Storage.Pipeline;

namespace FollowUpFlow.Storage.Auth;

/// <summary>
/// Shared Key for the Table service: a short string-to-sign (verb, Content-MD5, Content-Type, date,
/// canonicalized resource with only ?comp=), unlike the Queue and Blob services' long form.
/// </summary>
public sealed class TableSharedKeyPolicy(StorageSharedKeyCredential credential) : SharedKeyPolicy(credential)
{
    private protected override string StringToSign(Request request, string accountName) => BuildStringToSign(request, accountName);

    internal static string BuildStringToSign(Request request, string accountName)
    {
        var uri = request.Uri.ToUri();
        var date = SharedKeyCanonicalizer.Header(request, StorageHeaders.Date);
        if (date.Length == 0)
        {
            date = SharedKeyCanonicalizer.Header(request, "Date");
        }

        var resource = SharedKeyCanonicalizer.ResourcePath(uri, accountName);
        if (SharedKeyCanonicalizer.QueryParameters(uri).TryGetValue("comp", out var comp))
        {
            resource += "?comp=" + comp[0];
        }

        return string.Join('\n',
            request.Method.Method,
            SharedKeyCanonicalizer.Header(request, "Content-MD5"),
            SharedKeyCanonicalizer.Header(request, StorageHeaders.ContentType),
            date,
            resource);
    }
}
