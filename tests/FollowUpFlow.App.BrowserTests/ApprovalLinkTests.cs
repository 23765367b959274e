using System.Text.RegularExpressions;
using FollowUpFlow.App.BrowserTests.Support;
using FollowUpFlow.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FollowUpFlow.App.BrowserTests;

/// <summary>
/// The one-click link from the digest email, opened in the browser: the link is read from the digest the app wrote
/// to its outbox, exactly as the candidate would click it.
/// </summary>
public sealed partial class ApprovalLinkTests(AzuriteFixture azurite, BrowserFixture browser) : BrowserTest(azurite, browser)
{
    [Fact]
    public async Task The_digest_link_shows_the_draft_the_button_sends_it_and_the_link_works_once()
    {
        await App.CreateInterviewAsync();
        var draftId = await App.OnlyPendingDraftIdAsync();
        var link = DigestApproveLink();
        var page = await OpenPageAsync();
        var second = await OpenPageAsync(); // the same digest opened twice, in two windows

        // The digest as a mail client shows its HTML form: the approve link is a button to tap.
        await page.SetContentAsync(DigestPart("html"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Approve and send as it is" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(link);
        await second.GotoAsync(link);

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Approve a draft", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("article.draft")).ToContainTextAsync(LiveApp.InterviewerEmail);
        Assert.Equal("pending", await App.DraftStatusAsync(draftId)); // opening approves nothing
        await page.GetByRole(AriaRole.Button, new() { Name = "Approve and send" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sent", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(new Regex("^Sent "));
        Assert.Equal("sent", await App.DraftStatusAsync(draftId));
        Assert.Single(App.SentTo(LiveApp.InterviewerEmail));

        // The other window still shows the button; pressing it now finds the link spent.
        await second.GetByRole(AriaRole.Button, new() { Name = "Approve and send" }).ClickAsync();
        await Expect(second.GetByRole(AriaRole.Heading, new() { Name = "This link was already used", Level = 1 })).ToBeVisibleAsync();
        await Expect(second.GetByText("already used: each link works once")).ToBeVisibleAsync();

        // Opened once more, the link says it was used and offers nothing to approve.
        await page.GotoAsync(link);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "This link was already used", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("p.lead")).ToContainTextAsync("Sent ");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Approve and send" })).ToHaveCountAsync(0);
        Assert.Single(App.SentTo(LiveApp.InterviewerEmail));
    }

    [Fact]
    public async Task A_link_with_one_character_changed_is_refused_and_approves_nothing()
    {
        await App.CreateInterviewAsync();
        var draftId = await App.OnlyPendingDraftIdAsync();
        var link = DigestApproveLink();
        // One character in the middle of the signature: a full six bits of it, so the signature is truly different.
        var at = link.LastIndexOf('.') + 10;
        var forged = string.Concat(link.AsSpan(0, at), link[at] == 'A' ? "B" : "A", link.AsSpan(at + 1));
        var page = await OpenPageAsync();

        var response = await page.GotoAsync(forged);

        Assert.Equal(400, response!.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "This link is not valid", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByText("was not issued by this FollowUpFlow")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Open your drafts in the dashboard" })).ToBeVisibleAsync();
        Assert.Equal("pending", await App.DraftStatusAsync(draftId));
        Assert.Empty(App.SentTo(LiveApp.InterviewerEmail));
    }

    /// <summary>The "Approve and send as it is" link of the one digest the candidate was sent, from its text form.</summary>
    private string DigestApproveLink()
    {
        var text = DigestPart("plain");
        var match = ApproveLink().Match(text);
        Assert.True(match.Success, $"No approve link in the digest:\n{text}");
        var link = match.Groups[1].Value;
        Assert.StartsWith(App.BaseUrl.ToString().TrimEnd('/') + "/approve/", link, StringComparison.Ordinal);
        return link;
    }

    /// <summary>The text/plain or text/html form of the one digest the candidate was sent.</summary>
    private string DigestPart(string subType)
    {
        var digest = Assert.Single(App.SentTo(LiveApp.CandidateEmail), m => m.Subject?.Contains("wait", StringComparison.Ordinal) == true);
        return Assert.Single(digest.Body.DescendantsAndSelf(), p => p.ContentType.MediaType == "text" && p.ContentType.SubType == subType).Text!;
    }

    [GeneratedRegex(@"Approve and send as it is: (\S+)")]
    private static partial Regex ApproveLink();
}
