using System.Net;
using FollowUpFlow.App.Tests.Inbound.Support;
using FollowUpFlow.App.Tests.Support;
using FollowUpFlow.Testing;

namespace FollowUpFlow.App.Tests.Dashboard;

/// <summary>Every page renders what it should, and text from mail or from a form is shown as text, never as markup.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class DashboardPageTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Script = "<script>alert(1)</script>";
    private const string EncodedScript = "&lt;script&gt;alert(1)&lt;/script&gt;";

    private readonly AppStorage _storage = new();
    private AppFactory _app = null!;
    private DashboardSession _session = null!;

    public Task InitializeAsync()
    {
        _app = new AppFactory(azurite, _storage, new ManualTimeProvider(new DateTimeOffset(2026, 12, 8, 12, 0, 0, TimeSpan.Zero)));
        _session = new DashboardSession(_app);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _storage.Dispose();
    }

    [Fact]
    public async Task The_root_leads_to_the_interviews()
    {
        var response = await _session.Client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/interviews", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task The_interview_list_shows_company_role_local_time_stage_and_drafts_waiting()
    {
        var id = await _session.CreateInterviewAsync();

        var html = await _session.PageAsync("/interviews");

        Assert.Contains($"href=\"/interviews/{id}\">Contoso</a>", html, StringComparison.Ordinal);
        Assert.Contains("Senior Engineer", html, StringComparison.Ordinal);
        // 09:00 UTC on 8 December is 09:00 in London (no summer time), named with its zone.
        Assert.Contains("Tue 8 Dec 2026, 09:00 (Europe/London)", html, StringComparison.Ordinal);
        Assert.Contains("Waiting for the outcome", html, StringComparison.Ordinal);
        Assert.Contains("1 waiting", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_dashboard_says_there_is_nothing_yet()
    {
        Assert.Contains("No interviews yet", await _session.PageAsync("/interviews"), StringComparison.Ordinal);
        Assert.Contains("Nothing waits for you", await _session.PageAsync("/drafts"), StringComparison.Ordinal);
        Assert.Contains("Nothing needs review", await _session.PageAsync("/review"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_interview_page_shows_the_timeline_the_drafts_and_replies_as_text()
    {
        var id = await _session.CreateInterviewAsync();
        await _session.Client.PostJsonAsync($"/api/interviews/{id}/replies", new
        {
            from = "riley@contoso.example",
            subject = "Re: <b>Thanks</b>",
            body = $"Good talk.\n{Script}\n<img src=x onerror=alert(2)>",
            receivedAt = "2026-12-08T11:30:00+00:00",
        }, HttpStatusCode.Created);

        var html = await _session.PageAsync($"/interviews/{id}");

        Assert.Contains("<h1>Contoso</h1>", html, StringComparison.Ordinal);
        Assert.Contains("Interview confirmed: Senior Engineer at Contoso", html, StringComparison.Ordinal);
        Assert.Contains("Reply from riley@contoso.example", html, StringComparison.Ordinal);
        Assert.Contains("Thank-you to Ana Silva", html, StringComparison.Ordinal);
        Assert.Contains(EncodedScript, html, StringComparison.Ordinal);
        Assert.Contains("Re: &lt;b&gt;Thanks&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain(Script, html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_drafts_page_shows_the_whole_message_encoded_with_its_forms()
    {
        await _session.CreateInterviewAsync(company: "Fabrikam <i>Labs</i>", interviewer: $"{Script} Silva");
        var draftId = await _session.OnlyPendingDraftIdAsync();
        var draft = await _session.DraftAsync(draftId);
        Assert.Contains(Script, draft.Str("body"), StringComparison.Ordinal);

        var html = await _session.PageAsync("/drafts");

        Assert.Contains("Waiting for your decision (1)", html, StringComparison.Ordinal);
        Assert.Contains("ana@contoso.example", html, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(draft.Str("subject")), html, StringComparison.Ordinal);
        Assert.Contains(EncodedScript, html, StringComparison.Ordinal);
        Assert.Contains("Fabrikam &lt;i&gt;Labs&lt;/i&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain(Script, html, StringComparison.Ordinal);
        Assert.DoesNotContain("<i>Labs", html, StringComparison.Ordinal);
        Assert.Contains($"action=\"/drafts/{draftId}/approve\"", html, StringComparison.Ordinal);
        Assert.Contains($"action=\"/drafts/{draftId}/reject\"", html, StringComparison.Ordinal);
        Assert.Contains($"<label for=\"subject-{draftId}\">", html, StringComparison.Ordinal);
        Assert.Contains($"<label for=\"body-{draftId}\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("mark-sent", html, StringComparison.Ordinal);
        DashboardSession.TokenFrom(html);
    }

    [Fact]
    public async Task One_draft_has_its_own_page_and_an_unknown_one_a_clear_404()
    {
        await _session.CreateInterviewAsync();
        var draftId = await _session.OnlyPendingDraftIdAsync();

        var html = await _session.PageAsync($"/drafts/{draftId}");
        var missing = await _session.PageAsync("/drafts/nope-d1", HttpStatusCode.NotFound);
        var badId = await _session.PageAsync("/drafts/not%20an%20id", HttpStatusCode.NotFound);

        Assert.Contains("<h1>Thank-you to Ana Silva</h1>", html, StringComparison.Ordinal);
        Assert.Contains("Approve and send as it is", html, StringComparison.Ordinal);
        Assert.Contains("No such draft", missing, StringComparison.Ordinal);
        Assert.Contains("No such page", badId, StringComparison.Ordinal);
        Assert.Contains("No such interview", await _session.PageAsync("/interviews/nope", HttpStatusCode.NotFound), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_review_page_lists_what_was_kept_with_its_reason()
    {
        await using var inbound = new InboundApp(azurite);
        inbound.Parser.Understand("vague@contoso.example", FakeInboundParser.Confirmation(confidence: 0.3));
        var accepted = await (await inbound.PostRawAsync(SampleMail.Plain("vague@contoso.example", subject: "Lunch <b>plans</b>"))).ReadAsync(HttpStatusCode.Accepted);
        Assert.Equal("needs-review", accepted.Str("status"));
        var reason = Assert.Single((await inbound.Client().GetJsonAsync("/api/inbound/review")).AsArray())!.Str("reason");

        var html = await new DashboardSession(inbound.Factory).PageAsync("/review");

        Assert.Contains("riley@contoso.example", html, StringComparison.Ordinal);
        Assert.Contains("Lunch &lt;b&gt;plans&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>plans", html, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(reason), html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_carry_the_security_headers_and_an_accessible_frame()
    {
        var response = await _session.Client.GetAsync("/drafts");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(
            "default-src 'none'; style-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
            response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">", html, StringComparison.Ordinal);
        Assert.Contains("<nav aria-label=\"Main\">", html, StringComparison.Ordinal);
        Assert.Contains("<main id=\"main\">", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/drafts\" aria-current=\"page\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_style_sheet_is_served_from_the_app()
    {
        var response = await _session.Client.GetAsync("/dashboard.css");
        var css = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(":focus-visible", css, StringComparison.Ordinal);
        Assert.Contains("@media (max-width:", css, StringComparison.Ordinal);
    }
}
