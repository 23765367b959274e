using System.Net;
using System.Text;
using FollowUpFlow.App.Tests.Support;
using FollowUpFlow.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace FollowUpFlow.App.Tests;

/// <summary>
/// Every endpoint the app maps, listed here: a new one fails the first test until it is added with how it is protected.
/// Each one that changes state refuses a cross-site request standalone, and under the Functions host every one refuses
/// a caller the platform has not signed in, except the three that cannot sign in (health probes, the host's own timer
/// invocation, SendGrid, which brings its shared secret instead, and Graph's notifications, which bring the
/// subscription's clientState).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class EndpointSecurityTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Id = "x-d1";
    private readonly AppStorage _storage = new();
    private AppFactory _app = null!;

    /// <summary>Method, route pattern, and whether it answers without a signed-in user under the Functions host.</summary>
    private static readonly (string Method, string Pattern, bool OpenUnderFunctionsHost)[] Endpoints =
    [
        ("GET", "/api/health", true),
        ("POST", "/Tick", true),
        ("POST", "/api/inbound/sendgrid", true),
        ("POST", "/api/graph/notifications", true),
        ("POST", "/api/inbound/raw", false),
        ("GET", "/api/inbound", false),
        ("GET", "/api/inbound/review", false),
        ("GET", "/api/inbound/{id}", false),
        ("GET", "/api/inbound/{id}/raw", false),
        ("POST", "/api/inbound/{id}/resolve", false),
        ("GET", "/api/interviews", false),
        ("POST", "/api/interviews", false),
        ("GET", "/api/interviews/{id}", false),
        ("POST", "/api/interviews/{id}/reschedule", false),
        ("POST", "/api/interviews/{id}/cancel", false),
        ("POST", "/api/interviews/{id}/outcome", false),
        ("POST", "/api/interviews/{id}/replies", false),
        ("GET", "/api/drafts", false),
        ("GET", "/api/drafts/{id}", false),
        ("POST", "/api/drafts/{id}/approve", false),
        ("POST", "/api/drafts/{id}/edit", false),
        ("POST", "/api/drafts/{id}/reject", false),
        ("POST", "/api/drafts/{id}/mark-sent", false),
        ("GET", "/", false),
        ("GET", "/interviews", false),
        ("GET", "/interviews/{id}", false),
        ("GET", "/drafts", false),
        ("GET", "/drafts/{id}", false),
        ("GET", "/review", false),
        ("GET", "/dashboard.css", false),
        ("POST", "/drafts/{id}/approve", false),
        ("POST", "/drafts/{id}/save", false),
        ("POST", "/drafts/{id}/reject", false),
        ("POST", "/drafts/{id}/mark-sent", false),
        ("GET", "/approve/{token}", false),
        ("POST", "/approve/{token}", false),
    ];

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
    public void Every_mapped_endpoint_is_listed_here()
    {
        _ = _app.CreateClient();
        var mapped = _app.Services.GetServices<EndpointDataSource>()
            .SelectMany(source => source.Endpoints)
            .OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => $"{m} {Normalise(e.RoutePattern.RawText)}"))
            .ToHashSet();

        Assert.Equal(Endpoints.Select(e => $"{e.Method} {e.Pattern}").Order(), mapped.Order());
    }

    public static TheoryData<string, string> StateChanging() =>
        Data(Endpoints.Where(e => e.Method != "GET" && e.Pattern != "/Tick" && e.Pattern != "/api/inbound/sendgrid" && e.Pattern != "/api/graph/notifications"));

    [Theory]
    [MemberData(nameof(StateChanging))]
    public async Task Standalone_refuses_a_change_from_another_site(string method, string pattern)
    {
        foreach (var content in new Func<HttpContent>[] { () => new StringContent("{}", Encoding.UTF8, "application/json"), () => new FormUrlEncodedContent([new("subject", "x")]) })
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), Path(pattern)) { Content = content() };
            request.Headers.Add("Origin", "https://evil.example");

            using var response = await _app.CreateClient().SendAsync(request);

            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{method} {pattern}: {(int)response.StatusCode}");
        }
    }

    [Theory]
    [MemberData(nameof(StateChanging))]
    public async Task Standalone_refuses_a_form_post_without_its_antiforgery_token(string method, string pattern)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), Path(pattern)) { Content = new FormUrlEncodedContent([new("subject", "x")]) };

        using var response = await _app.CreateClient().SendAsync(request);

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.UnsupportedMediaType, $"{method} {pattern}: {(int)response.StatusCode}");
    }

    public static TheoryData<string, string> SignedInOnly() => Data(Endpoints.Where(e => !e.OpenUnderFunctionsHost));

    private static TheoryData<string, string> Data(IEnumerable<(string Method, string Pattern, bool OpenUnderFunctionsHost)> endpoints)
    {
        var data = new TheoryData<string, string>();
        foreach (var (method, pattern, _) in endpoints)
        {
            data.Add(method, pattern);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SignedInOnly))]
    public async Task The_functions_host_refuses_a_caller_who_is_not_signed_in(string method, string pattern)
    {
        await using var functions = _app.WithWebHostBuilder(b => b.UseSetting("FUNCTIONS_CUSTOMHANDLER_PORT", "43210"));
        using var request = new HttpRequestMessage(new HttpMethod(method), Path(pattern));
        if (method != "GET")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        using var response = await functions.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).SendAsync(request);

        Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {pattern}: {(int)response.StatusCode}");
    }

    private static string Path(string pattern) => pattern.Replace("{id}", Id, StringComparison.Ordinal).Replace("{token}", "not-a-token", StringComparison.Ordinal);

    private static string Normalise(string? raw) => "/" + (raw ?? "").Trim('/').Replace(":required", "", StringComparison.Ordinal);
}
