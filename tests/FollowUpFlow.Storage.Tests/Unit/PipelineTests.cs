using System.Net;
using Azure.Core;
using FollowUpFlow.Storage.Tests.Support;

namespace FollowUpFlow.Storage.Tests.Unit;

public sealed class PipelineTests
{
    private const string Connection = "DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=c2VjcmV0LWtleQ==";

    [Fact]
    public async Task Counting_policy_counts_every_attempt_per_method_and_resets()
    {
        var statuses = new Queue<HttpStatusCode>([HttpStatusCode.ServiceUnavailable, HttpStatusCode.NoContent, HttpStatusCode.NoContent]);
        var handler = new CapturingHandler(_ => new HttpResponseMessage(statuses.Dequeue()));
        var counter = new RequestCountingPolicy();
        var options = FastRetries(handler);
        options.AddPolicy(counter, HttpPipelinePosition.PerRetry);
        var table = StorageClientFactory.FromConnectionString(Connection, options).GetTableClient("jobs");

        await table.DeleteEntityAsync("p", "r1");
        await table.DeleteEntityAsync("p", "r2");

        Assert.Equal(3, counter.Total);
        Assert.Equal(3, counter.CountOf("DELETE"));
        Assert.Equal(0, counter.CountOf("GET"));
        counter.Reset();
        Assert.Equal(0, counter.Total);
        Assert.Empty(counter.ByMethod);
    }

    [Fact]
    public async Task Each_retry_is_signed_again()
    {
        var statuses = new Queue<HttpStatusCode>([HttpStatusCode.ServiceUnavailable, HttpStatusCode.NoContent]);
        var handler = new CapturingHandler(_ => new HttpResponseMessage(statuses.Dequeue()));
        var table = StorageClientFactory.FromConnectionString(Connection, FastRetries(handler)).GetTableClient("jobs");

        await table.DeleteEntityAsync("p", "r");

        Assert.Equal(2, handler.Requests.Count);
        Assert.All(handler.Requests, r => Assert.StartsWith("SharedKey acct:", r.Headers["Authorization"], StringComparison.Ordinal));
    }

    [Fact]
    public async Task Persistent_throttling_surfaces_as_a_throttled_error_after_the_retries()
    {
        var handler = new CapturingHandler(_ => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable));
        var options = FastRetries(handler);
        options.Retry.MaxRetries = 2;
        var table = StorageClientFactory.FromConnectionString(Connection, options).GetTableClient("jobs");

        var ex = await Assert.ThrowsAsync<StorageRequestException>(() => table.GetEntityAsync("p", "r"));

        Assert.Equal(StorageErrorKind.Throttled, ex.Kind);
        Assert.Equal(503, ex.Status);
        Assert.Equal(3, handler.Requests.Count);
    }

    [Fact]
    public void Default_options_retry_a_few_times_with_exponential_backoff()
    {
        var options = new StorageClientOptions();
        Assert.Equal(RetryMode.Exponential, options.Retry.Mode);
        Assert.InRange(options.Retry.MaxRetries, 3, 6);
        Assert.True(options.Retry.MaxDelay <= TimeSpan.FromSeconds(30));
    }

    private static StorageClientOptions FastRetries(CapturingHandler handler)
    {
        var options = new StorageClientOptions { Transport = handler.Transport() };
        options.Retry.Delay = TimeSpan.FromMilliseconds(1);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(5);
        return options;
    }
}
