using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using FollowUpFlow.Testing.Fakes;

namespace FollowUpFlow.Mail.Tests.Graph;

/// <summary>The fake must answer a message DELETE as Graph documents it, or the deletion tests would prove nothing.</summary>
public sealed class FakeGraphServerTests : IAsyncLifetime
{
    private const string Token = "fake-graph-server-test";

    private readonly HttpClient _client = new();
    private FakeGraphServer _fake = null!;

    public async Task InitializeAsync() => _fake = await FakeGraphServer.StartAsync(accessToken: Token);

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _fake.DisposeAsync();
    }

    [Fact]
    public async Task Deleting_a_message_answers_204_without_a_body_and_removes_it()
    {
        var id = await CreateDraftAsync();

        using var response = await SendAsync(HttpMethod.Delete, $"messages/{id}", body: null);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        Assert.Empty(_fake.Drafts);
        Assert.Equal(id, Assert.Single(_fake.Deleted).Id);
        Assert.Equal(FakeGraphRoute.DeleteMessage, Assert.Single(_fake.RequestsTo(FakeGraphRoute.DeleteMessage)).Route);
        Assert.Empty(_fake.Violations);
    }

    [Fact]
    public async Task Deleting_an_unknown_message_answers_404_ErrorItemNotFound_and_is_no_violation()
    {
        using var response = await SendAsync(HttpMethod.Delete, "messages/AAMkAGI2unknown=", body: null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("ErrorItemNotFound", await ErrorCodeAsync(response));
        Assert.Empty(_fake.Deleted);
        Assert.Empty(_fake.Violations);
    }

    [Fact]
    public async Task Deleting_a_message_with_a_request_body_is_a_violation_and_deletes_nothing()
    {
        var id = await CreateDraftAsync();

        using var response = await SendAsync(HttpMethod.Delete, $"messages/{id}", body: "{}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("RequestBodyRead", await ErrorCodeAsync(response));
        Assert.Contains("DELETE", Assert.Single(_fake.Violations), StringComparison.Ordinal);
        Assert.Single(_fake.Drafts);
        Assert.Empty(_fake.Deleted);
    }

    [Fact]
    public async Task A_queued_fault_answers_the_next_delete_instead_and_the_message_stays()
    {
        var id = await CreateDraftAsync();
        _fake.EnqueueFault(FakeGraphRoute.DeleteMessage, FakeGraphFault.Throttled(retryAfterSeconds: 7));

        using (var throttled = await SendAsync(HttpMethod.Delete, $"messages/{id}", body: null))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
            Assert.Equal("7", Assert.Single(throttled.Headers.GetValues("Retry-After")));
            Assert.Equal("ApplicationThrottled", await ErrorCodeAsync(throttled));
            Assert.Single(_fake.Drafts);
        }

        using var deleted = await SendAsync(HttpMethod.Delete, $"messages/{id}", body: null);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Empty(_fake.Drafts);
        Assert.Empty(_fake.Violations);
    }

    private async Task<string> CreateDraftAsync()
    {
        using var response = await SendAsync(HttpMethod.Post, "messages", """{"subject":"Thanks","internetMessageId":"<draft-1@followupflow.local>"}""");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var created = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return created.RootElement.GetProperty("id").GetString()!;
    }

    private static async Task<string?> ErrorCodeAsync(HttpResponseMessage response)
    {
        using var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return error.RootElement.GetProperty("error").GetProperty("code").GetString();
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? body)
    {
        using var request = new HttpRequestMessage(method, new Uri($"{_fake.BaseUrl}/users/{_fake.Mailbox}/{path}"));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        return await _client.SendAsync(request);
    }
}
