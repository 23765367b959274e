using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;

namespace FollowUpFlow.Storage;

/// <summary>
/// Counts the requests that pass through it, in total and per HTTP method; thread-safe.
/// Add it at <see cref="HttpPipelinePosition.PerRetry"/> to count every attempt sent,
/// or at <see cref="HttpPipelinePosition.PerCall"/> to count logical operations.
/// </summary>
public sealed class RequestCountingPolicy : HttpPipelineSynchronousPolicy
{
    private readonly ConcurrentDictionary<string, long> _byMethod = new(StringComparer.Ordinal);
    private long _total;

    public long Total => Interlocked.Read(ref _total);

    /// <summary>Counts keyed by method name (GET, POST, PUT, MERGE, DELETE, ...).</summary>
    public IReadOnlyDictionary<string, long> ByMethod => new Dictionary<string, long>(_byMethod, StringComparer.Ordinal);

    public long CountOf(string method) => _byMethod.TryGetValue(method, out var n) ? n : 0;

    public void Reset()
    {
        Interlocked.Exchange(ref _total, 0);
        _byMethod.Clear();
    }

    public override void OnSendingRequest(HttpMessage message)
    {
        Interlocked.Increment(ref _total);
        _byMethod.AddOrUpdate(message.Request.Method.Method, 1, static (_, n) => n + 1);
    }
}
