using System.Net;
using FollowUpFlow.App.Tests.Support;
using FollowUpFlow.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace FollowUpFlow.App.Tests.Dashboard;

/// <summary>Under the Functions host the dashboard, like the API, is for the platform's signed-in user only.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class DashboardFunctionsHostTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string PrincipalId = "0f4c9a53-7b1e-4c59-9d35-0a2b7f7d8e11";

    private readonly AppStorage _storage = new();
    private AppFactory _app = null!;
    private WebApplicationFactory<Program> _functions = null!;

    public Task InitializeAsync()
    {
        _app = new AppFactory(azurite, _storage, new ManualTimeProvider(new DateTimeOffset(2026, 12, 8, 12, 0, 0, TimeSpan.Zero)));
        _functions = _app.WithWebHostBuilder(b => b.UseSetting("FUNCTIONS_CUSTOMHANDLER_PORT", "43210"));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _functions.DisposeAsync();
        await _app.DisposeAsync();
        _storage.Dispose();
    }

    [Theory]
    [InlineData("/interviews")]
    [InlineData("/drafts")]
    [InlineData("/review")]
    [InlineData("/dashboard.css")]
    [InlineData("/approve/anything.at-all")]
    public async Task A_dashboard_page_without_the_principal_is_401(string path)
    {
        var client = _functions.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Sign in first", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_in_user_sees_the_dashboard_and_its_forms_still_need_the_token()
    {
        var client = _functions.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add("X-MS-CLIENT-PRINCIPAL-ID", PrincipalId);

        var page = await client.GetAsync("/drafts");
        using var form = new FormUrlEncodedContent([]);
        var post = await client.PostAsync("/drafts/in-x-d1/reject", form);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
    }

    [Fact]
    public async Task The_hosts_own_invocations_and_the_health_probe_need_no_principal()
    {
        var client = _functions.CreateClient();

        await client.PostRawJsonAsync("/Tick", """{"Data":{"timer":{}},"Metadata":{}}""", HttpStatusCode.OK);
        await client.GetJsonAsync("/api/health");
    }
}
