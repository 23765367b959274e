using Azure.Core;
using Azure.Core.Pipeline;
using FollowUpFlow.Storage.Pipeline;

namespace FollowUpFlow.Storage.Auth;

/// <summary>
/// Shared Key for the Table service: a short string-to-sign (verb, Content-MD5, Content-Type, date,
/// canonicalized resource with only ?comp=), unlike the Queue and Blob services' long form.
/// Runs per retry so each attempt is signed with its own x-ms-date.
/// </summary>
public sealed class TableSharedKeyPolicy(StorageSharedKeyCredential credential) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message)
    {
        SharedKeyCanonicalizer.EnsureDate(message.Request);
        var signature = credential.ComputeSignature(BuildStringToSign(message.Request, credential.AccountName));
        message.Request.Headers.SetValue(StorageHeaders.Authorization, $"SharedKey {credential.AccountName}:{signature}");
    }

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
