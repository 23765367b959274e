using Azure.Core;
using Azure.Core.Pipeline;

namespace FollowUpFlow.Storage.Tests.Support;

/// <summary>Builds Azure.Core requests and messages for policy tests without sending anything.</summary>
internal static class TestRequests
{
    private static readonly HttpClientTransport Transport = new();

    public static Request Create(RequestMethod method, string url, params (string Name, string Value)[] headers)
    {
        var request = Transport.CreateRequest();
        request.Method = method;
        request.Uri.Reset(new Uri(url));
        foreach (var (name, value) in headers)
        {
            request.Headers.SetValue(name, value);
        }

        return request;
    }

    public static HttpMessage Message(Request request) => new(request, new ResponseClassifier());
}
