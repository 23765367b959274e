using System.Net;
using Azure.Core.Pipeline;

namespace FollowUpFlow.Storage.Tests.Support;

/// <summary>An HTTP handler that records each request and answers with a canned response: no network.</summary>
public sealed class CapturingHandler(Func<HttpRequestMessage, HttpResponseMessage>? respond = null) : HttpMessageHandler
{
    public List<CapturedRequest> Requests { get; } = [];

    public HttpClientTransport Transport() => new(new HttpClient(this));

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var headers = request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
            .ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        lock (Requests)
        {
            Requests.Add(new CapturedRequest(request.Method.Method, request.RequestUri!, headers, body));
        }

        return respond?.Invoke(request) ?? new HttpResponseMessage(HttpStatusCode.NoContent);
    }
}

public sealed record CapturedRequest(string Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, string? Body);
