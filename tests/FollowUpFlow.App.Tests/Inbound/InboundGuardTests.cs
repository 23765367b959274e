using System.Net;
using FollowUpFlow.App.Hosting;
using FollowUpFlow.App.Tests.Inbound.Support;
using FollowUpFlow.App.Tests.Support;
using FollowUpFlow.Testing;
using Microsoft.AspNetCore.Hosting;

namespace FollowUpFlow.App.Tests.Inbound;

/// <summary>
/// The mail endpoints take mail, not JSON. The raw one keeps the local guards (this machine, no other site) and, under
/// the Functions host, the platform sign-in; the SendGrid one is let in by its secret alone.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class InboundGuardTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private InboundApp _app = null!;

    public Task InitializeAsync()
    {
        _app = new InboundApp(azurite);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_raw_post_from_another_site_is_refused_and_not_stored()
    {
        var client = _app.Client();
        client.DefaultRequestHeaders.Add("Origin", "https://evil.example");

        var problem = await (await _app.PostRawAsync(SampleMail.Plain("x@example.com"), client: client)).ReadAsync(HttpStatusCode.Forbidden);

        Assert.Contains("this machine only", problem.Str("detail"), StringComparison.Ordinal);
        Assert.Empty((await _app.Client().GetJsonAsync("/api/inbound")).AsArray());
    }

    [Fact]
    public async Task A_sendgrid_post_through_a_tunnel_is_let_in_by_its_secret()
    {
        var client = _app.Client();
        client.DefaultRequestHeaders.Host = "abc123.tunnel.example";

        var accepted = await (await _app.PostSendGridAsync(SendGridInboundForm.Raw(SampleMail.Plain("tunnel@example.com")), client: client)).ReadAsync(HttpStatusCode.Accepted);

        Assert.Equal("ignored", accepted.Str("status"));
    }

    [Fact]
    public async Task Under_the_functions_host_sendgrid_needs_no_principal_but_raw_does()
    {
        using var functions = _app.Factory.WithWebHostBuilder(b => b.UseSetting(HostingMode.FunctionsPortVariable, "43210"));
        var anonymous = functions.CreateClient();
        var signedIn = functions.CreateClient();
        signedIn.DefaultRequestHeaders.Add("X-MS-CLIENT-PRINCIPAL-ID", "0f4c9a53-7b1e-4c59-9d35-0a2b7f7d8e11");

        var sendGrid = await (await _app.PostSendGridAsync(SendGridInboundForm.Raw(SampleMail.Plain("f1@example.com")), client: anonymous)).ReadAsync(HttpStatusCode.Accepted);
        var rawAnonymous = await (await _app.PostRawAsync(SampleMail.Plain("f2@example.com"), client: anonymous)).ReadAsync(HttpStatusCode.Unauthorized);
        var rawSignedIn = await (await _app.PostRawAsync(SampleMail.Plain("f3@example.com"), client: signedIn)).ReadAsync(HttpStatusCode.Accepted);
        var badSecret = await (await _app.PostSendGridAsync(SendGridInboundForm.Raw(SampleMail.Plain("f4@example.com")), "?secret=nope", anonymous)).ReadAsync(HttpStatusCode.Unauthorized);

        Assert.Equal("ignored", sendGrid.Str("status"));
        Assert.Contains("Sign in", rawAnonymous.Str("detail"), StringComparison.Ordinal);
        Assert.Equal("ignored", rawSignedIn.Str("status"));
        Assert.Contains("bad secret", badSecret.Str("detail"), StringComparison.Ordinal);
    }
}
