using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace FollowUpFlow.Storage.Pipeline;

/// <summary>A pipeline bound to one service endpoint: builds requests from relative paths and sends them.</summary>
internal sealed class ServiceConnection
{
    private readonly string _baseUrl;

    public ServiceConnection(HttpPipeline pipeline, Uri endpoint)
    {
        Pipeline = pipeline ?? throw new ArgumentNullException(nameof(pipeline));
        ArgumentNullException.ThrowIfNull(endpoint);
        Endpoint = endpoint;
        _baseUrl = endpoint.AbsoluteUri.TrimEnd('/');
    }

    public HttpPipeline Pipeline { get; }

    public Uri Endpoint { get; }

    /// <summary>Absolute URL for an already-escaped relative path.</summary>
    public Uri UrlFor(string escapedRelativePath) => new(_baseUrl + "/" + escapedRelativePath);

    public Request CreateRequest(RequestMethod method, string escapedRelativePath)
    {
        var request = Pipeline.CreateRequest();
        request.Method = method;
        request.Uri.Reset(UrlFor(escapedRelativePath));
        return request;
    }

    public async Task<Response> SendAsync(Request request, CancellationToken cancellationToken) =>
        await Pipeline.SendRequestAsync(request, cancellationToken).ConfigureAwait(false);

    public static bool IsSuccess(Response response) => response.Status is >= 200 and < 300;

    /// <summary>Returns the response when it succeeded; otherwise disposes it and throws the typed error.</summary>
    public static Response EnsureSuccess(Response response, string operation)
    {
        if (IsSuccess(response))
        {
            return response;
        }

        using (response)
        {
            throw StorageErrors.FromResponse(response, operation);
        }
    }
}
