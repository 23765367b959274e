using FollowUpFlow.App.BrowserTests.Support;
using FollowUpFlow.Testing;
using FollowUpFlow.Workflow.Approvals;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FollowUpFlow.App.BrowserTests;

/// <summary>
/// The main pages, each at desktop width and at phone width: each shows its heading and none scrolls sideways. Every
/// page is captured as a PNG: into the folder FOLLOWUPFLOW_SCREENSHOTS names (eng/screenshots.sh names
/// docs/screenshots), otherwise into a temporary folder removed afterwards.
/// </summary>
public sealed class ScreenshotTests(AzuriteFixture azurite, BrowserFixture browser) : BrowserTest(azurite, browser), IDisposable
{
    public const string FolderVariable = "FOLLOWUPFLOW_SCREENSHOTS";

    private readonly string? _kept = Environment.GetEnvironmentVariable(FolderVariable) is { Length: > 0 } folder ? Path.GetFullPath(folder) : null;
    private readonly string _temporary = Path.Combine(Path.GetTempPath(), "followupflow-screenshots", Guid.NewGuid().ToString("N"));

    private string Folder => _kept ?? _temporary;

    [Fact]
    public async Task The_main_pages_fit_desktop_and_phone_widths()
    {
        var contoso = await App.CreateInterviewAsync();
        var fabrikam = await App.CreateInterviewAsync("Fabrikam", "Platform Engineer");
        var sentDraft = await App.PendingDraftIdOfAsync(contoso);
        var waitingDraft = await App.PendingDraftIdOfAsync(fabrikam);
        var token = App.Services.GetRequiredService<ApprovalLinkSigner>().Sign("default", contoso, sentDraft).Token;
        var desktop = await OpenPageAsync(BrowserFixture.Desktop);
        var phone = await OpenPageAsync(BrowserFixture.Phone);

        // The approval link first (it is spent by its own button), then the dashboard with one draft sent and one waiting.
        await CheckAsync(desktop, phone, $"/approve/{token}", "Approve a draft", "approve-link");
        await desktop.GotoAsync($"/approve/{token}");
        await desktop.GetByRole(AriaRole.Button, new() { Name = "Approve and send" }).ClickAsync();
        await Expect(desktop.GetByRole(AriaRole.Heading, new() { Name = "Sent", Level = 1 })).ToBeVisibleAsync();
        await CaptureAsync(desktop, "sent");
        await CheckAsync(desktop, phone, "/interviews", "Interviews", "interviews");
        await CheckAsync(desktop, phone, $"/interviews/{contoso}", "Contoso", "interview");
        await CheckAsync(desktop, phone, "/drafts", "Drafts", "drafts");
        await CheckAsync(desktop, phone, $"/drafts/{waitingDraft}", "Thank-you to Ana Silva", "draft");

        Assert.Equal("sent", await App.DraftStatusAsync(sentDraft));
        Assert.True(File.Exists(Path.Combine(Folder, "drafts-phone.png")));
    }

    /// <summary>One page at both widths: its heading shows, nothing scrolls sideways; the desktop view and the phone view of the drafts are captured.</summary>
    private async Task CheckAsync(IPage desktop, IPage phone, string path, string heading, string name)
    {
        foreach (var (page, width) in new[] { (desktop, "desktop"), (phone, "phone") })
        {
            var response = await page.GotoAsync(path);
            Assert.Equal(200, response!.Status);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(heading);
            Assert.False(await ScrollsSidewaysAsync(page), $"{path} scrolls sideways at {width} width.");
        }

        await CaptureAsync(desktop, name);
        if (name == "drafts")
        {
            await CaptureAsync(phone, "drafts-phone");
        }
    }

    private async Task CaptureAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Folder);
        var file = Path.Combine(Folder, name + ".png");
        await page.ScreenshotAsync(new() { Path = file, FullPage = true });
        Assert.True(new FileInfo(file).Length > 0, $"{file} is empty.");
    }

    public void Dispose()
    {
        if (Directory.Exists(_temporary))
        {
            Directory.Delete(_temporary, recursive: true);
        }
    }
}
