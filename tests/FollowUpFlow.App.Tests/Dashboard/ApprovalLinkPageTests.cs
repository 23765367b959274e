using System.Net;
using System.Security.Cryptography;
using FollowUpFlow.App.Tests.Support;
using FollowUpFlow.Testing;
using FollowUpFlow.Workflow.Approvals;
using Microsoft.Extensions.DependencyInjection;

namespace FollowUpFlow.App.Tests.Dashboard;

/// <summary>
/// The digest's one-click links: opening one shows a button and approves nothing (mail scanners open links); the
/// button approves once; a second use, a forged link and an expired link each get a page that says so.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ApprovalLinkPageTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string UserId = "default";

    private readonly AppStorage _storage = new();
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2026, 12, 8, 12, 0, 0, TimeSpan.Zero));
    private AppFactory _app = null!;
    private DashboardSession _session = null!;

    public Task InitializeAsync()
    {
        _app = new AppFactory(azurite, _storage, _time, [new("FollowUpFlow:ApprovalLinks:Keys:0", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)))]);
        _session = new DashboardSession(_app);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _storage.Dispose();
    }

    [Fact]
    public async Task Opening_the_link_shows_the_draft_and_a_button_and_approves_nothing()
    {
        var (token, draftId) = await SignedLinkAsync();

        var html = await _session.PageAsync($"/approve/{token}");
        await _session.PageAsync($"/approve/{token}"); // a scanner and then the candidate

        Assert.Contains("<button type=\"submit\" class=\"primary\">Approve and send</button>", html, StringComparison.Ordinal);
        Assert.Contains($"action=\"/approve/{token}\"", html, StringComparison.Ordinal);
        Assert.Contains("ana@contoso.example", html, StringComparison.Ordinal);
        Assert.Equal("pending", (await _session.DraftAsync(draftId)).Str("status"));
        Assert.Empty(DashboardSession.SentTo(_storage));
    }

    [Fact]
    public async Task The_button_approves_once_and_a_second_use_says_the_link_was_used()
    {
        var (token, draftId) = await SignedLinkAsync();
        var page = await _session.PageAsync($"/approve/{token}");
        var antiforgery = DashboardSession.TokenFrom(page);

        var first = await _session.PostFormAsync($"/approve/{token}", antiforgery);
        var second = await _session.PostFormAsync($"/approve/{token}", antiforgery);

        var result = await DashboardSession.ReadAsync(first, HttpStatusCode.OK);
        Assert.Contains("<h1>Sent</h1>", result, StringComparison.Ordinal);
        Assert.Equal("sent", (await _session.DraftAsync(draftId)).Str("status"));
        var used = await DashboardSession.ReadAsync(second, HttpStatusCode.Conflict);
        Assert.Contains("already used", used, StringComparison.Ordinal);
        Assert.Contains("href=\"/drafts\"", used, StringComparison.Ordinal);
        Assert.Single(DashboardSession.SentTo(_storage));

        // Opened again from the email later: it says the link was used, and where the draft stands.
        var reopened = await _session.PageAsync($"/approve/{token}");
        Assert.Contains("<h1>This link was already used</h1>", reopened, StringComparison.Ordinal);
        Assert.Contains("Sent ", reopened, StringComparison.Ordinal);
        Assert.DoesNotContain("nothing to approve", reopened, StringComparison.Ordinal);
        Assert.DoesNotContain("<form method=\"post\" action=\"/approve/", reopened, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_button_needs_the_antiforgery_token_and_does_not_spend_the_link_without_it()
    {
        var (token, draftId) = await SignedLinkAsync();
        var antiforgery = DashboardSession.TokenFrom(await _session.PageAsync($"/approve/{token}"));

        var refused = await _session.PostFormAsync($"/approve/{token}", token: null);
        var accepted = await _session.PostFormAsync($"/approve/{token}", antiforgery);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal("sent", (await _session.DraftAsync(draftId)).Str("status"));
    }

    [Fact]
    public async Task A_forged_link_gets_a_clear_400_page()
    {
        var (_, draftId) = await SignedLinkAsync();
        var interviewId = draftId[..draftId.LastIndexOf("-d", StringComparison.Ordinal)];
        var otherKey = new ApprovalLinkSigner([RandomNumberGenerator.GetBytes(32)], TimeSpan.FromHours(1), _time);
        var forged = otherKey.Sign(UserId, interviewId, draftId).Token;

        var html = await _session.PageAsync($"/approve/{forged}", HttpStatusCode.BadRequest);
        var malformed = await _session.PageAsync("/approve/not-a-token", HttpStatusCode.BadRequest);

        Assert.Contains("was not issued by this FollowUpFlow", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/drafts\"", html, StringComparison.Ordinal);
        Assert.Contains("not a complete approval link", malformed, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", html + malformed, StringComparison.Ordinal);
        Assert.Equal("pending", (await _session.DraftAsync(draftId)).Str("status"));
    }

    [Fact]
    public async Task An_expired_link_gets_a_410_page_that_points_at_the_draft()
    {
        var (_, draftId) = await SignedLinkAsync();
        var interviewId = draftId[..draftId.LastIndexOf("-d", StringComparison.Ordinal)];
        var signer = _app.Services.GetRequiredService<ApprovalLinkSigner>();
        var token = signer.Sign(UserId, interviewId, draftId, notAfter: _time.GetUtcNow().AddMinutes(10)).Token;
        var antiforgery = DashboardSession.TokenFrom(await _session.PageAsync($"/approve/{token}"));
        _time.Advance(TimeSpan.FromMinutes(11));

        var html = await _session.PageAsync($"/approve/{token}", HttpStatusCode.Gone);
        var posted = await _session.PostFormAsync($"/approve/{token}", antiforgery);

        Assert.Contains("has expired", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/drafts/{draftId}\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Gone, posted.StatusCode);
        Assert.Equal("pending", (await _session.DraftAsync(draftId)).Str("status"));
    }

    [Fact]
    public async Task Without_keys_the_page_says_approval_links_are_off()
    {
        using var storage = new AppStorage();
        await using var app = new AppFactory(azurite, storage, _time);

        var html = await new DashboardSession(app).PageAsync("/approve/anything.at-all", HttpStatusCode.NotFound);

        Assert.Contains("Approval links are turned off", html, StringComparison.Ordinal);
        Assert.Contains("FollowUpFlow:ApprovalLinks:Keys", html, StringComparison.Ordinal);
    }

    private async Task<(string Token, string DraftId)> SignedLinkAsync()
    {
        var interviewId = await _session.CreateInterviewAsync();
        var draftId = await _session.OnlyPendingDraftIdAsync();
        var signer = _app.Services.GetRequiredService<ApprovalLinkSigner>();
        return (signer.Sign(UserId, interviewId, draftId).Token, draftId);
    }
}
