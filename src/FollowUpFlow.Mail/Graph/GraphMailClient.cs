using Azure.Core;
using Microsoft.Graph;
using Microsoft.Kiota.Authentication.Azure;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;

namespace FollowUpFlow.Mail;

/// <summary>
/// The <see cref="GraphServiceClient"/> the mail transport uses, on an <see cref="HttpClient"/> this class builds and owns:
/// the SDK's default middleware with its retry handler bounded by <see cref="GraphMailOptions.MaxRetries"/>, the request
/// timeout from the options, and requests sent to <see cref="GraphMailOptions.BaseUrl"/> (so tests can use a local fake).
/// </summary>
public sealed class GraphMailClient : IDisposable
{
    private readonly HttpClient _httpClient;

    private GraphMailClient(HttpClient httpClient, GraphServiceClient client)
    {
        _httpClient = httpClient;
        Client = client;
    }

    public GraphServiceClient Client { get; }

    /// <summary>Builds the client from validated options and a credential (<see cref="GraphCredentialFactory"/> in production).</summary>
    public static GraphMailClient Create(GraphMailOptions options, TokenCredential credential)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(credential);
        GraphMailOptionsValidator.ThrowIfInvalid(options);

        var baseUrl = options.BaseUrl.TrimEnd('/');
        var graphRoot = new Uri(baseUrl);

        // Tokens go only to the configured Graph host, for that host's default scope (graph.microsoft.com/.default
        // in the global cloud), as app-only credentials require.
        var authentication = new AzureIdentityAuthenticationProvider(
            credential,
            allowedHosts: [graphRoot.Host],
            scopes: [$"{graphRoot.Scheme}://{graphRoot.Host}/.default"]);

        var handlers = GraphClientFactory.CreateDefaultHandlers();
        var retryIndex = IndexOfRetryHandler(handlers);
        handlers[retryIndex] = new RetryHandler(new RetryHandlerOption { MaxRetry = options.MaxRetries });

        var finalHandler = new SocketsHttpHandler
        {
            // Graph does not redirect mail calls; the SDK's redirect handler would deal with it anyway.
            AllowAutoRedirect = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
        var httpClient = GraphClientFactory.Create(handlers, finalHandler: finalHandler);
        httpClient.Timeout = options.RequestTimeout;
        return new GraphMailClient(httpClient, new GraphServiceClient(httpClient, authentication, baseUrl));
    }

    public void Dispose() => _httpClient.Dispose();

    private static int IndexOfRetryHandler(IList<DelegatingHandler> handlers)
    {
        for (var i = 0; i < handlers.Count; i++)
        {
            if (handlers[i] is RetryHandler)
            {
                return i;
            }
        }

        throw new InvalidOperationException("The Graph SDK's default middleware has no retry handler; the transport relies on it for 429, 503 and 504.");
    }
}
