using System.Text.RegularExpressions;
using FollowUpFlow.App.BrowserTests.Support;
using FollowUpFlow.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FollowUpFlow.App.BrowserTests;

/// <summary>The drafts page as the candidate uses it: with the mouse, with the keyboard only, and on a phone.</summary>
public sealed class DraftsPageTests(AzuriteFixture azurite, BrowserFixture browser) : BrowserTest(azurite, browser)
{
    [Fact]
    public async Task Editing_a_draft_saving_it_for_later_and_then_approving_it_sends_the_edited_message_to_the_interviewer()
    {
        await App.CreateInterviewAsync();
        var draftId = await App.OnlyPendingDraftIdAsync();
        var page = await OpenPageAsync();

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Drafts" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Drafts", Level = 1 })).ToBeVisibleAsync();
        var draft = page.GetByRole(AriaRole.Article).Filter(new() { HasText = LiveApp.InterviewerEmail });
        await Expect(draft.Locator(".status")).ToHaveTextAsync(new Regex("^Waiting for your approval"));
        await draft.GetByText("Edit", new() { Exact = true }).ClickAsync();
        await draft.GetByLabel("Subject").FillAsync("Thank you for this morning, Ana");
        await draft.GetByLabel("Message").FillAsync("Dear Ana,\nthank you for this morning - edited in the browser.\nAlex");
        await draft.GetByRole(AriaRole.Button, new() { Name = "Save for later" }).ClickAsync();

        // Saved, not sent: the draft's page shows the new text, and it still waits.
        await Expect(page).ToHaveURLAsync(new Regex($"/drafts/{Regex.Escape(draftId)}\\?done=saved$"));
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved. It waits for your approval as it now reads.");
        await Expect(page.Locator("article.draft .message-body")).ToContainTextAsync("edited in the browser.");
        Assert.Equal("pending", await App.DraftStatusAsync(draftId));
        Assert.Empty(App.SentTo(LiveApp.InterviewerEmail));

        await page.GetByText("Edit", new() { Exact = true }).ClickAsync();
        await Expect(page.GetByLabel("Subject")).ToHaveValueAsync("Thank you for this morning, Ana");
        await page.GetByRole(AriaRole.Button, new() { Name = "Approve and send with these changes" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex($"/drafts/{Regex.Escape(draftId)}\\?done=approved$"));
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Approved and sent.");
        await Expect(page.Locator("article.draft .status")).ToHaveTextAsync(new Regex("^Sent "));
        await Expect(page.Locator("article.draft .message-body")).ToContainTextAsync("edited in the browser.");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Approve and send as it is" })).ToHaveCountAsync(0);

        var sent = Assert.Single(App.SentTo(LiveApp.InterviewerEmail));
        Assert.Equal(LiveApp.InterviewerEmail, Assert.Single(sent.To).Address);
        Assert.Equal("Thank you for this morning, Ana", sent.Subject);
        Assert.Contains("thank you for this morning - edited in the browser.", sent.Body.Text, StringComparison.Ordinal);
        Assert.Equal("sent", await App.DraftStatusAsync(draftId));
    }

    [Fact]
    public async Task The_approve_button_is_reached_with_tab_and_pressed_with_enter()
    {
        await App.CreateInterviewAsync();
        var draftId = await App.OnlyPendingDraftIdAsync();
        var page = await OpenPageAsync();
        await page.GotoAsync("/drafts");

        // The keyboard only: from the top of the page, Tab until the approve button has the focus.
        var presses = 0;
        while (await FocusedTextAsync(page) != "Approve and send as it is")
        {
            Assert.True(++presses <= 15, $"The approve button was not reached within 15 presses of Tab; the focus is on '{await FocusedTextAsync(page)}'.");
            await page.Keyboard.PressAsync("Tab");
        }

        // The focus is visible where it stands (the style sheet's :focus-visible outline).
        Assert.NotEqual("none", await page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle"));
        Assert.Equal("pending", await App.DraftStatusAsync(draftId));
        await page.Keyboard.PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(new Regex($"/drafts/{Regex.Escape(draftId)}\\?done=approved$"));
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Approved and sent.");
        Assert.Equal("sent", await App.DraftStatusAsync(draftId));
        Assert.Single(App.SentTo(LiveApp.InterviewerEmail));
    }

    [Fact]
    public async Task At_phone_width_the_drafts_page_does_not_scroll_sideways()
    {
        await App.CreateInterviewAsync();
        var page = await OpenPageAsync(BrowserFixture.Phone);

        await page.GotoAsync("/drafts");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Approve and send as it is" })).ToBeVisibleAsync();
        // The edit form open too: its fields and buttons must fit as well.
        await page.GetByText("Edit", new() { Exact = true }).ClickAsync();
        await Expect(page.GetByLabel("Message")).ToBeVisibleAsync();

        Assert.Equal(360, await page.EvaluateAsync<int>("() => window.innerWidth"));
        Assert.False(await ScrollsSidewaysAsync(page),
            $"scrollWidth {await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")} > innerWidth 360");
    }

    private static Task<string> FocusedTextAsync(IPage page) =>
        page.EvaluateAsync<string>("() => (document.activeElement?.textContent ?? '').trim()");
}
