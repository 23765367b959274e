using System.Net;
using System.Text;
using Azure.Core;
using FollowUpFlow.Storage.Queues;
using FollowUpFlow.Storage.Tables;
using FollowUpFlow.Storage.Tests.Support;

namespace FollowUpFlow.Storage.Tests.Unit;

public sealed class BearerAuthTests
{
    [Fact]
    public async Task Token_credential_clients_send_a_bearer_token_for_the_storage_scope()
    {
        var credential = new RecordingTokenCredential();
        var handler = new CapturingHandler(_ => new HttpResponseMessage(HttpStatusCode.NotFound)
        {
            Content = new StringContent("{\"odata.error\":{\"code\":\"ResourceNotFound\",\"message\":{\"lang\":\"en-US\",\"value\":\"Not found.\"}}}", Encoding.UTF8, "application/json"),
        });
        var account = StorageAccount.FromTokenCredential(new Uri("https://acct.table.core.windows.net"), new Uri("https://acct.queue.core.windows.net"), credential);
        var factory = new StorageClientFactory(account, new StorageClientOptions { Transport = handler.Transport() });

        var entity = await factory.GetTableClient("jobs").GetEntityIfExistsAsync("pk", "rk");

        Assert.Null(entity);
        var request = Assert.Single(handler.Requests);
        Assert.Equal("Bearer fake-token-1", request.Headers["Authorization"]);
        Assert.Equal(StorageClientOptions.DefaultServiceVersion, request.Headers["x-ms-version"]);
        Assert.True(request.Headers.ContainsKey("x-ms-date"));
        Assert.Equal(new[] { "https://storage.azure.com/.default" }, credential.Scopes.Distinct());
    }

    [Fact]
    public async Task Queue_clients_use_the_same_bearer_scheme()
    {
        var credential = new RecordingTokenCredential();
        var handler = new CapturingHandler(_ => new HttpResponseMessage(HttpStatusCode.Created));
        var account = StorageAccount.FromTokenCredential("acct", credential);
        var queue = new QueueServiceClient(account, new StorageClientOptions { Transport = handler.Transport() }).GetQueueClient("jobs");

        Assert.True(await queue.CreateIfNotExistsAsync());

        var request = Assert.Single(handler.Requests);
        Assert.Equal("PUT", request.Method);
        Assert.Equal(new Uri("https://acct.queue.core.windows.net/jobs"), request.Uri);
        Assert.StartsWith("Bearer ", request.Headers["Authorization"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Shared_key_clients_send_shared_key_not_bearer()
    {
        var handler = new CapturingHandler();
        var account = StorageAccount.Parse("DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=c2VjcmV0LWtleQ==");
        var table = new TableServiceClient(account, new StorageClientOptions { Transport = handler.Transport() }).GetTableClient("jobs");

        await table.DeleteEntityAsync("pk", "rk");

        var request = Assert.Single(handler.Requests);
        Assert.StartsWith("SharedKey acct:", request.Headers["Authorization"], StringComparison.Ordinal);
        Assert.Equal("*", request.Headers["If-Match"]);
        Assert.Equal("/jobs(PartitionKey='pk',RowKey='rk')", request.Uri.AbsolutePath);
    }

    private sealed class RecordingTokenCredential : TokenCredential
    {
        private int _issued;

        public List<string> Scopes { get; } = [];

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            lock (Scopes)
            {
                Scopes.AddRange(requestContext.Scopes);
            }

            return new AccessToken($"fake-token-{Interlocked.Increment(ref _issued)}", DateTimeOffset.UtcNow.AddHours(1));
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new(GetToken(requestContext, cancellationToken));
    }
}
