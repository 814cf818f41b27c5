using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(Bot.Web.Tests.Browser.ChromiumFixture))]

namespace Bot.Web.Tests.Browser;

/// <summary>
/// One headless Chromium for every browser test: the system browser (/usr/bin/chromium, which CI installs
/// with apt-get), driven by Playwright. Nothing is downloaded; without the browser the tests skip. Pages reach
/// loopback only.
/// </summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private IPlaywright? playwright;
    private IBrowser? browser;

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ExecutablePath)) return;
        // The page waits for streamed answers and ingest jobs; a shared 2-core machine can be slow.
        Assertions.SetDefaultExpectTimeout(20_000);
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A fresh browser context (own storage) showing the page of <paramref name="site"/>; skips without Chromium.</summary>
    public async Task<ChatPage> OpenAsync(Uri site, ViewportSize? viewport = null, bool phone = false) =>
        await ChatPage.OpenAsync(await NewContextAsync(site, viewport, phone));

    /// <summary>
    /// A fresh browser context whose relative URLs resolve against <paramref name="site"/>; it reaches loopback
    /// only (a page asking for anything else, such as a CDN, is refused), so tests never leave this machine.
    /// </summary>
    public async Task<IBrowserContext> NewContextAsync(Uri site, ViewportSize? viewport = null, bool phone = false)
    {
        if (browser is null)
            Assert.Skip($"Chromium is not installed at {ExecutablePath} (install it with: apt-get install -y chromium).");
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = site.ToString(),
            ViewportSize = viewport ?? new ViewportSize { Width = 1280, Height = 860 },
            IsMobile = phone,
            HasTouch = phone,
            DeviceScaleFactor = phone ? 2 : 1,
            Locale = "en-US",
            TimezoneId = "Europe/Berlin",
        });
        await context.RouteAsync("**/*", route =>
            Uri.TryCreate(route.Request.Url, UriKind.Absolute, out var url) && (url.IsLoopback || url.Scheme is "data" or "blob")
                ? route.ContinueAsync()
                : route.AbortAsync("blockedbyclient"));
        return context;
    }

    /// <summary>Saves a screenshot of <paramref name="page"/> in the test output folder and names it in the test output.</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name + ".png");
        var image = await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, Animations = ScreenshotAnimations.Disabled });
        TestContext.Current.AddAttachment(name + ".png", image, "image/png");
        TestContext.Current.TestOutputHelper?.WriteLine($"Screenshot: {path}");
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        if (browser is not null) await browser.DisposeAsync();
        playwright?.Dispose();
    }
}
