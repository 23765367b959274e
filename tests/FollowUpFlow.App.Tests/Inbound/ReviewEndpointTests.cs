using System.Net;
using FollowUpFlow.App.Tests.Inbound.Support;
using FollowUpFlow.App.Tests.Support;
using FollowUpFlow.Inbound.Understanding;
using FollowUpFlow.Testing;

namespace FollowUpFlow.App.Tests.Inbound;

/// <summary>GET /api/inbound/review and POST /api/inbound/{id}/resolve: what waits for the candidate, and their answer.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ReviewEndpointTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private InboundApp _app = null!;

    public Task InitializeAsync()
    {
        _app = new InboundApp(azurite);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_review_item_is_resolved_by_creating_the_interview()
    {
        var payloadId = await PostVagueAsync("vague@contoso.example");
        var review = (await _app.Client().GetJsonAsync("/api/inbound/review")).AsArray();

        var resolved = await _app.Client().PostJsonAsync($"/api/inbound/{payloadId}/resolve", new
        {
            interview = new { company = "Contoso", role = "Platform Engineer", start = "2026-12-10T14:00:00Z", end = "2026-12-10T15:00:00Z", timeZone = "Europe/London" },
        }, HttpStatusCode.OK);

        Assert.Equal(payloadId, Assert.Single(review)!.Str("payloadId"));
        Assert.Equal("resolved", resolved.Str("status"));
        Assert.Equal("Platform Engineer", (await _app.Client().GetJsonAsync($"/api/interviews/{resolved.Str("interviewId")}")).Str("role"));
        Assert.Empty((await _app.Client().GetJsonAsync("/api/inbound/review")).AsArray());
        Assert.Equal("resolved", (await _app.Client().GetJsonAsync($"/api/inbound/{payloadId}")).Str("status"));
    }

    [Fact]
    public async Task A_review_item_is_resolved_by_applying_it_to_an_interview()
    {
        _app.Parser.Understand("c@contoso.example", FakeInboundParser.Confirmation());
        var interviewId = (await (await _app.PostRawAsync(SampleMail.Plain("c@contoso.example"))).ReadAsync(HttpStatusCode.Accepted)).Str("interviewId");
        var payloadId = await PostVagueAsync("unclear-news@contoso.example");

        var resolved = await _app.Client().PostJsonAsync($"/api/inbound/{payloadId}/resolve", new { interviewId, kind = "rejection" }, HttpStatusCode.OK);

        Assert.Equal(interviewId, resolved.Str("interviewId"));
        Assert.Equal("rejected", (await _app.Client().GetJsonAsync($"/api/interviews/{interviewId}")).Str("phase"));
    }

    [Fact]
    public async Task A_review_item_is_dismissed_once()
    {
        var payloadId = await PostVagueAsync("spam-ish@contoso.example");

        var dismissed = await _app.Client().PostJsonAsync($"/api/inbound/{payloadId}/resolve", new { dismiss = true }, HttpStatusCode.OK);
        var again = await _app.Client().PostJsonAsync($"/api/inbound/{payloadId}/resolve", new { dismiss = true }, HttpStatusCode.Conflict);

        Assert.Equal("dismissed", dismissed.Str("status"));
        Assert.Contains("dismissed", again.Str("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_resolution_must_say_one_thing_and_say_it_validly()
    {
        var payloadId = await PostVagueAsync("bad-requests@contoso.example");

        var both = await _app.Client().PostJsonAsync($"/api/inbound/{payloadId}/resolve", new { dismiss = true, interviewId = "in-x", kind = "offer" }, HttpStatusCode.BadRequest);
        var badInterview = await _app.Client().PostJsonAsync($"/api/inbound/{payloadId}/resolve", new { interview = new { company = "Contoso" } }, HttpStatusCode.BadRequest);
        var badKind = await _app.Client().PostJsonAsync($"/api/inbound/{payloadId}/resolve", new { interviewId = "in-x", kind = "promotion" }, HttpStatusCode.BadRequest);
        var missing = await _app.Client().PostJsonAsync($"/api/inbound/{payloadId}/resolve", new { interviewId = "in-missing", kind = "offer" }, HttpStatusCode.NotFound);

        Assert.Contains("exactly one", both.Str("detail"), StringComparison.Ordinal);
        Assert.Contains("start is required", badInterview.Str("detail"), StringComparison.Ordinal);
        Assert.Contains("kind must be one of", badKind.Str("detail"), StringComparison.Ordinal);
        Assert.Contains("in-missing", missing.Str("detail"), StringComparison.Ordinal);
        Assert.Single((await _app.Client().GetJsonAsync("/api/inbound/review")).AsArray());
    }

    private async Task<string> PostVagueAsync(string messageId)
    {
        _app.Parser.Understand(messageId, FakeInboundParser.Confirmation(confidence: 0.3) with { Kind = EmailKind.Confirmation });
        var accepted = await (await _app.PostRawAsync(SampleMail.Plain(messageId))).ReadAsync(HttpStatusCode.Accepted);
        Assert.Equal("needs-review", accepted.Str("status"));
        return accepted.Str("payloadId");
    }
}
