using System.Net;
using FollowUpFlow.App.Tests.Support;
using FollowUpFlow.Testing;

namespace FollowUpFlow.App.Tests.Dashboard;

/// <summary>The draft forms: they decide through the workflow, and only a form from the dashboard's own page gets in.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class DraftFormTests(AzuriteFixture azurite) : IAsyncLifetime
{
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
    public async Task An_edited_draft_is_approved_from_the_page_and_sent_as_edited()
    {
        await _session.CreateInterviewAsync();
        var draftId = await _session.OnlyPendingDraftIdAsync();
        var token = DashboardSession.TokenFrom(await _session.PageAsync($"/drafts/{draftId}"));

        var response = await _session.PostFormAsync($"/drafts/{draftId}/approve", token,
            ("edited", "1"), ("subject", "Thank you, Ana"), ("body", "Dear Ana,\r\nthank you for today - edited in the dashboard.\r\nAlex"));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal($"/drafts/{draftId}?done=approved", response.Headers.Location?.OriginalString);
        var sent = Assert.Single(DashboardSession.SentTo(_storage));
        var eml = await File.ReadAllTextAsync(sent);
        Assert.Contains("Subject: Thank you, Ana", eml, StringComparison.Ordinal);
        Assert.Contains("thank you for today - edited in the dashboard.", eml, StringComparison.Ordinal);
        var draft = await _session.DraftAsync(draftId);
        Assert.Equal("sent", draft.Str("status"));
        Assert.True(draft["edited"]!.GetValue<bool>());

        var result = await _session.PageAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("Approved and sent.", result, StringComparison.Ordinal);
        Assert.DoesNotContain("Approve and send as it is", result, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Approving_as_it_is_sends_the_draft_unedited()
    {
        await _session.CreateInterviewAsync();
        var draftId = await _session.OnlyPendingDraftIdAsync();
        var original = await _session.DraftAsync(draftId);
        var token = DashboardSession.TokenFrom(await _session.PageAsync("/drafts"));

        var response = await _session.PostFormAsync($"/drafts/{draftId}/approve", token);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var draft = await _session.DraftAsync(draftId);
        Assert.Equal("sent", draft.Str("status"));
        Assert.False(draft["edited"]!.GetValue<bool>());
        Assert.Equal(original.Str("body"), draft.Str("body"));
        Assert.Single(DashboardSession.SentTo(_storage));
    }

    [Fact]
    public async Task A_rejected_draft_is_not_sent_and_a_second_decision_gets_the_workflows_reason()
    {
        await _session.CreateInterviewAsync();
        var draftId = await _session.OnlyPendingDraftIdAsync();
        var token = DashboardSession.TokenFrom(await _session.PageAsync($"/drafts/{draftId}"));

        var rejected = await _session.PostFormAsync($"/drafts/{draftId}/reject", token);
        var approveAfter = await _session.PostFormAsync($"/drafts/{draftId}/approve", token);

        Assert.Equal(HttpStatusCode.SeeOther, rejected.StatusCode);
        Assert.Equal("rejected", (await _session.DraftAsync(draftId)).Str("status"));
        var refusal = await DashboardSession.ReadAsync(approveAfter, HttpStatusCode.Conflict);
        Assert.Contains("Not possible now", refusal, StringComparison.Ordinal);
        Assert.Contains("was already skipped", refusal, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", refusal, StringComparison.Ordinal);
        Assert.Empty(DashboardSession.SentTo(_storage));
        Assert.Contains("Sent, rejected, expired and withdrawn (1)", await _session.PageAsync("/drafts"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_edited_body_is_refused_with_the_reason_and_nothing_is_sent()
    {
        await _session.CreateInterviewAsync();
        var draftId = await _session.OnlyPendingDraftIdAsync();
        var token = DashboardSession.TokenFrom(await _session.PageAsync($"/drafts/{draftId}"));

        var response = await _session.PostFormAsync($"/drafts/{draftId}/approve", token, ("edited", "1"), ("subject", "Thanks"), ("body", "   "));

        var page = await DashboardSession.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("An edited body cannot be empty", page, StringComparison.Ordinal);
        Assert.Equal("pending", (await _session.DraftAsync(draftId)).Str("status"));
        Assert.Empty(DashboardSession.SentTo(_storage));
    }

    [Fact]
    public async Task A_refused_edit_comes_back_with_the_typed_text_and_the_reason()
    {
        await _session.CreateInterviewAsync();
        var draftId = await _session.OnlyPendingDraftIdAsync();
        var token = DashboardSession.TokenFrom(await _session.PageAsync($"/drafts/{draftId}"));
        var typed = "Dear Ana,\nthree paragraphs <typed> with care & attention.";

        var response = await _session.PostFormAsync($"/drafts/{draftId}/approve", token, ("edited", "1"), ("subject", " "), ("body", typed));

        var page = await DashboardSession.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("<details class=\"edit\" open>", page, StringComparison.Ordinal);
        Assert.Contains("role=\"alert\"", page, StringComparison.Ordinal);
        Assert.Contains("Nothing was sent.", page, StringComparison.Ordinal);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(typed), page, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", page, StringComparison.Ordinal);
        Assert.Equal("pending", (await _session.DraftAsync(draftId)).Str("status"));
    }

    [Fact]
    public async Task An_edit_saved_for_later_is_kept_unsent_and_approving_it_later_sends_it()
    {
        await _session.CreateInterviewAsync();
        var draftId = await _session.OnlyPendingDraftIdAsync();
        var token = DashboardSession.TokenFrom(await _session.PageAsync($"/drafts/{draftId}"));

        var saved = await _session.PostFormAsync($"/drafts/{draftId}/save", token, ("subject", "Thank you, Ana"), ("body", "Dear Ana,\r\nsaved for later.\r\nAlex"));

        Assert.Equal(HttpStatusCode.SeeOther, saved.StatusCode);
        Assert.Equal($"/drafts/{draftId}?done=saved", saved.Headers.Location?.OriginalString);
        var draft = await _session.DraftAsync(draftId);
        Assert.Equal("pending", draft.Str("status"));
        Assert.Equal("Thank you, Ana", draft.Str("subject"));
        Assert.Equal("Dear Ana,\nsaved for later.\nAlex", draft.Str("body"));
        Assert.True(draft["edited"]!.GetValue<bool>());
        Assert.Empty(DashboardSession.SentTo(_storage));
        var page = await _session.PageAsync(saved.Headers.Location!.OriginalString);
        Assert.Contains("Saved. It waits for your approval", page, StringComparison.Ordinal);
        Assert.Contains("saved for later.", page, StringComparison.Ordinal);

        var approved = await _session.PostFormAsync($"/drafts/{draftId}/approve", DashboardSession.TokenFrom(page));

        Assert.Equal(HttpStatusCode.SeeOther, approved.StatusCode);
        Assert.Contains("Subject: Thank you, Ana", await File.ReadAllTextAsync(Assert.Single(DashboardSession.SentTo(_storage))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Saving_an_unchanged_form_changes_nothing_and_says_so()
    {
        await _session.CreateInterviewAsync();
        var draftId = await _session.OnlyPendingDraftIdAsync();
        var before = await _session.DraftAsync(draftId);
        var token = DashboardSession.TokenFrom(await _session.PageAsync($"/drafts/{draftId}"));

        var saved = await _session.PostFormAsync($"/drafts/{draftId}/save", token, ("subject", before.Str("subject")), ("body", before.Str("body").Replace("\n", "\r\n", StringComparison.Ordinal)));

        Assert.Equal($"/drafts/{draftId}?done=unchanged", saved.Headers.Location?.OriginalString);
        Assert.False((await _session.DraftAsync(draftId))["edited"]!.GetValue<bool>());
        Assert.Contains("Nothing was changed.", await _session.PageAsync(saved.Headers.Location!.OriginalString), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_single_draft_page_names_the_draft_once()
    {
        await _session.CreateInterviewAsync();
        var draftId = await _session.OnlyPendingDraftIdAsync();

        var page = await _session.PageAsync($"/drafts/{draftId}");

        Assert.Single(System.Text.RegularExpressions.Regex.Matches(page, "Thank-you to Ana Silva<"));
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused_and_changes_nothing()
    {
        await _session.CreateInterviewAsync();
        var draftId = await _session.OnlyPendingDraftIdAsync();
        await _session.PageAsync($"/drafts/{draftId}"); // the cookie half alone is not enough

        var withoutToken = await _session.PostFormAsync($"/drafts/{draftId}/approve", token: null);
        var madeUpToken = await _session.PostFormAsync($"/drafts/{draftId}/reject", token: "CfDJ8made-up");

        var page = await DashboardSession.ReadAsync(withoutToken, HttpStatusCode.BadRequest);
        Assert.Contains("Nothing was changed", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, madeUpToken.StatusCode);
        Assert.Equal("pending", (await _session.DraftAsync(draftId)).Str("status"));
        Assert.Empty(DashboardSession.SentTo(_storage));
    }

    [Fact]
    public async Task A_token_from_another_browser_is_refused()
    {
        await _session.CreateInterviewAsync();
        var draftId = await _session.OnlyPendingDraftIdAsync();
        var othersToken = DashboardSession.TokenFrom(await new DashboardSession(_app).PageAsync($"/drafts/{draftId}"));
        await _session.PageAsync($"/drafts/{draftId}");

        var response = await _session.PostFormAsync($"/drafts/{draftId}/approve", othersToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("pending", (await _session.DraftAsync(draftId)).Str("status"));
    }

    [Fact]
    public async Task A_cross_origin_post_is_refused_even_with_a_valid_token()
    {
        await _session.CreateInterviewAsync();
        var draftId = await _session.OnlyPendingDraftIdAsync();
        var token = DashboardSession.TokenFrom(await _session.PageAsync($"/drafts/{draftId}"));
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/drafts/{draftId}/approve")
        {
            Content = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]),
        };
        request.Headers.Add("Origin", "https://evil.example");

        var response = await _session.Client.SendAsync(request);

        var page = await DashboardSession.ReadAsync(response, HttpStatusCode.Forbidden);
        Assert.Contains("not from another site", page, StringComparison.Ordinal);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal("pending", (await _session.DraftAsync(draftId)).Str("status"));
    }

    [Fact]
    public async Task The_api_still_takes_json_only()
    {
        await _session.CreateInterviewAsync();
        var draftId = await _session.OnlyPendingDraftIdAsync();
        var token = DashboardSession.TokenFrom(await _session.PageAsync($"/drafts/{draftId}"));

        var response = await _session.PostFormAsync($"/api/drafts/{draftId}/approve", token);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("pending", (await _session.DraftAsync(draftId)).Str("status"));
    }

    [Fact]
    public async Task A_form_for_an_unknown_draft_gets_a_404_page()
    {
        await _session.CreateInterviewAsync();
        var token = DashboardSession.TokenFrom(await _session.PageAsync("/drafts"));

        var response = await _session.PostFormAsync("/drafts/in-missing-d1/mark-sent", token);

        Assert.Contains("No such draft", await DashboardSession.ReadAsync(response, HttpStatusCode.NotFound), StringComparison.Ordinal);
    }
}
