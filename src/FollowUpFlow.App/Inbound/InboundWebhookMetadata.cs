using Microsoft.AspNetCore.Http.Metadata;

namespace FollowUpFlow.App.Inbound;

/// <summary>
/// Marks an endpoint that takes mail rather than JSON. It reads and bounds its own body (so the app-wide body limit
/// does not apply: an oversized message is still stored, in part, and refused with a reason), and it checks its
/// own content type. <see cref="AuthenticatedBySecret"/>: a webhook a mail service calls, proven by a shared secret
/// rather than by who is signed in or where the request comes from.
/// </summary>
internal sealed record InboundWebhookMetadata(bool AuthenticatedBySecret) : IRequestSizeLimitMetadata
{
    public long? MaxRequestBodySize => null;
}
