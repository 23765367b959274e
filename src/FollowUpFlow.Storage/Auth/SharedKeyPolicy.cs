using Azure.Core;
using Azure.Core.Pipeline;
using FollowUpFlow.Storage.Pipeline;

namespace FollowUpFlow.Storage.Auth;

/// <summary>
/// Signs each request with the account key. The services differ only in what they sign (the string-to-sign); the
/// date, the signature and the header are the same. Runs per retry so each attempt is signed with its own x-ms-date.
/// </summary>
public abstract class SharedKeyPolicy(StorageSharedKeyCredential credential) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message)
    {
        SharedKeyCanonicalizer.EnsureDate(message.Request);
        var signature = credential.ComputeSignature(StringToSign(message.Request, credential.AccountName));
        message.Request.Headers.SetValue(StorageHeaders.Authorization, $"SharedKey {credential.AccountName}:{signature}");
    }

    private protected abstract string StringToSign(Request request, string accountName);
}
