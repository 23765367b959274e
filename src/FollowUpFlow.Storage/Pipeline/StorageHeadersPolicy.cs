using System.Globalization;
using Azure.Core;
using Azure.Core.Pipeline;

namespace FollowUpFlow.Storage.Pipeline;

/// <summary>Stamps x-ms-version and a fresh x-ms-date on every attempt, before any signing policy runs.</summary>
internal sealed class StorageHeadersPolicy(string serviceVersion, TimeProvider time) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message)
    {
        message.Request.Headers.SetValue(StorageHeaders.Version, serviceVersion);
        message.Request.Headers.SetValue(StorageHeaders.Date, FormatDate(time.GetUtcNow()));
    }

    internal static string FormatDate(DateTimeOffset now) =>
        now.UtcDateTime.ToString("R", CultureInfo.InvariantCulture);
}
