using System.Net;
using System.Net.Http.Json;
using System.Text;
using FollowUpFlow.App.Tests.Support;
using FollowUpFlow.Testing;
using Microsoft.AspNetCore.Hosting;

namespace FollowUpFlow.App.Tests;

/// <summary>Standalone answers this machine only; under the Functions host only signed-in users get in.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class RequestGuardTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly AppStorage _storage = new();
    private AppFactory _app = null!;

    public Task InitializeAsync()
    {
        _app = new AppFactory(azurite, _storage, new ManualTimeProvider(new DateTimeOffset(2026, 12, 8, 12, 0, 0, TimeSpan.Zero)));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _storage.Dispose();
    }

    [Fact]
    public async Task A_change_must_be_sent_as_json()
    {
        using var form = new StringContent("outcome=offer", Encoding.UTF8, "application/x-www-form-urlencoded");
        var problem = await (await _app.CreateClient().PostAsync("/api/drafts/x-d1/approve", form)).ReadAsync(HttpStatusCode.UnsupportedMediaType);

        Assert.Contains("application/json", problem.Str("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_change_from_another_site_is_refused()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/drafts/x-d1/approve") { Content = JsonContent.Create(new { }) };
        request.Headers.Add("Origin", "https://evil.example");

        var problem = await (await _app.CreateClient().SendAsync(request)).ReadAsync(HttpStatusCode.Forbidden);

        Assert.Contains("this machine only", problem.Str("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_for_another_host_name_is_refused()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/drafts");
        request.Headers.Host = "rebound.evil.example";

        var problem = await (await _app.CreateClient().SendAsync(request)).ReadAsync(HttpStatusCode.BadRequest);

        Assert.Contains("127.0.0.1 or localhost", problem.Str("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Local_json_requests_pass()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/drafts/x-d1/approve") { Content = JsonContent.Create(new { }) };
        request.Headers.Add("Origin", "http://127.0.0.1:7071");

        await (await _app.CreateClient().SendAsync(request)).ReadAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Under_the_functions_host_the_api_needs_the_platform_principal()
    {
        using var functions = _app.WithWebHostBuilder(b => b.UseSetting("FUNCTIONS_CUSTOMHANDLER_PORT", "43210"));
        var client = functions.CreateClient();

        var anonymous = await (await client.GetAsync("/api/drafts")).ReadAsync(HttpStatusCode.Unauthorized);
        await (await client.GetAsync("/api/health")).ReadAsync(HttpStatusCode.OK);
        using var signedIn = new HttpRequestMessage(HttpMethod.Get, "/api/drafts");
        signedIn.Headers.Add("X-MS-CLIENT-PRINCIPAL-ID", "0f4c9a53-7b1e-4c59-9d35-0a2b7f7d8e11");
        var drafts = await client.SendAsync(signedIn);

        Assert.Contains("Sign in", anonymous.Str("detail"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, drafts.StatusCode);
    }
}
