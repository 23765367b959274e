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

        await page.GotoAsync(link);
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

    /// <summary>The "Approve and send as it is" link of the one digest the candidate was sent.</summary>
    private string DigestApproveLink()
    {
        var digests = App.SentTo(LiveApp.CandidateEmail).Where(m => m.Body.Text?.Contains("Approve and send as it is:", StringComparison.Ordinal) == true).ToList();
        var digest = Assert.Single(digests);
        var match = ApproveLink().Match(digest.Body.Text!);
        Assert.True(match.Success, $"No approve link in the digest:\n{digest.Body.Text}");
        var link = match.Groups[1].Value;
        Assert.StartsWith(App.BaseUrl.ToString().TrimEnd('/') + "/approve/", link, StringComparison.Ordinal);
        return link;
    }

    [GeneratedRegex(@"Approve and send as it is: (\S+)")]
    private static partial Regex ApproveLink();
}
