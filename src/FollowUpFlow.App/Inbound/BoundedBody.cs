using Microsoft.AspNetCore.Http.Features;

namespace FollowUpFlow.App.Inbound;

/// <summary>A request body read up to a limit: the bytes kept, and whether there was more.</summary>
internal sealed record BoundedBody(ReadOnlyMemory<byte> Bytes, bool Truncated, long? DeclaredLength)
{
    /// <summary>
    /// Reads at most <paramref name="limit"/> bytes and one more to tell whether the body goes on; the rest is never
    /// read. The server's own body limit is lifted for this request: this limit is the one that applies.
    /// </summary>
    public static async Task<BoundedBody> ReadAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeLimit)
        {
            sizeLimit.MaxRequestBodySize = null;
        }

        var declared = request.ContentLength;
        var buffer = new byte[(int)Math.Min(declared ?? 64 * 1024, (long)limit + 1)];
        var length = 0;
        while (length <= limit)
        {
            if (length == buffer.Length)
            {
                Array.Resize(ref buffer, (int)Math.Min(Math.Max(buffer.Length * 2L, 4096), (long)limit + 1));
            }

            var read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken);
            if (read == 0)
            {
                break;
            }

            length += read;
        }

        var truncated = length > limit;
        return new BoundedBody(buffer.AsMemory(0, Math.Min(length, limit)), truncated, declared);
    }
}
