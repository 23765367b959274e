using Microsoft.Playwright;

namespace FollowUpFlow.App.BrowserTests.Support;

/// <summary>
/// One headless Chromium for the whole run: Debian's, at <see cref="ChromiumPath"/> (eng/test.sh installs it when it is
/// missing). Playwright's own browser builds are never downloaded. Each test opens its own context (cookies, viewport)
/// and closes it; the browser and Playwright's driver stop with the fixture.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>Kept in step with CHROMIUM_PATH in eng/common.sh.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    public static readonly ViewportSize Desktop = new() { Width = 1280, Height = 800 };
    public static readonly ViewportSize Phone = new() { Width = 360, Height = 740 };

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not been started.");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"The browser tests need Chromium at {ChromiumPath}. Run them with eng/test.sh, which installs it, or install it yourself: apt-get install chromium");
        }

        EnsureDriverIsExecutable();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // Chromium refuses to start its sandbox as root (containers, CI); as any other user the sandbox stays on.
            Args = Environment.UserName == "root" ? ["--no-sandbox"] : [],
        });
    }

    /// <summary>
    /// Playwright talks to the browser through its driver, a Node program the package copies into the build output
    /// (.playwright/node/{platform}/node), offline. The package's build step marks that node executable; a copy that
    /// lost the mark (an archive, another file system) gets it back here rather than failing with "permission denied".
    /// </summary>
    private static void EnsureDriverIsExecutable()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var nodes = Path.Combine(AppContext.BaseDirectory, ".playwright", "node");
        var found = Directory.Exists(nodes) ? Directory.GetFiles(nodes, "node", SearchOption.AllDirectories) : [];
        if (found.Length == 0)
        {
            throw new InvalidOperationException($"Playwright's driver is missing from {nodes}; the Microsoft.Playwright package copies it there when the project builds.");
        }

        const UnixFileMode execute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        foreach (var node in found)
        {
            var mode = File.GetUnixFileMode(node);
            if ((mode & UnixFileMode.UserExecute) == 0)
            {
                File.SetUnixFileMode(node, mode | execute);
            }
        }
    }

    /// <summary>A fresh browser profile on the app: its own cookies, English, the candidate's time zone.</summary>
    public Task<IBrowserContext> NewContextAsync(LiveApp app, ViewportSize? viewport = null) =>
        Browser.NewContextAsync(new()
        {
            BaseURL = app.BaseUrl.ToString(),
            ViewportSize = viewport ?? Desktop,
            Locale = "en-GB",
            TimezoneId = "Europe/London",
        });

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
    }
}
