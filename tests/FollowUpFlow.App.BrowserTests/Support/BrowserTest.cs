using FollowUpFlow.Testing;
using Microsoft.Playwright;

namespace FollowUpFlow.App.BrowserTests.Support;

/// <summary>A test with its own app and its own browser context (cookies, viewport), both closed when it ends.</summary>
[Collection(BrowserCollection.Name)]
public abstract class BrowserTest(AzuriteFixture azurite, BrowserFixture browser) : IAsyncLifetime
{
    private readonly List<IBrowserContext> _contexts = [];
    private LiveApp? _app;

    protected LiveApp App => _app ?? throw new InvalidOperationException("The app has not been started.");

    protected BrowserFixture Browser => browser;

    public async Task InitializeAsync() => _app = await LiveApp.StartAsync(azurite);

    /// <summary>A new page in a context of its own (a fresh profile), closed with the test.</summary>
    protected async Task<IPage> OpenPageAsync(ViewportSize? viewport = null)
    {
        var context = await browser.NewContextAsync(App, viewport);
        _contexts.Add(context);
        return await context.NewPageAsync();
    }

    /// <summary>True when the page scrolls sideways (its content is wider than the window).</summary>
    protected static Task<bool> ScrollsSidewaysAsync(IPage page) =>
        page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.CloseAsync();
        }

        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
