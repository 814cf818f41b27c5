using System.Text.Json;
using Bot.Web.Tests.Hosting;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Bot.Web.Tests.Browser;

/// <summary>
/// Articles whose HTML and text carry script, event handlers and javascript: links, and a question written in
/// markup, through the real host into headless Chromium: nothing runs (every payload would set window.pwned or
/// open a dialog), no element is made from them, the Content-Security-Policy is never even tested, and the
/// markup shows as the text it is.
/// </summary>
public sealed class MarkupInjectionTests(WebHostFixture fixture, ChromiumFixture chromium) : IClassFixture<WebHostFixture>
{
    private const string PageTitle = "Kalmora cranes <img src=x onerror=window.pwned=1> return";

    private static readonly string HostilePage = $"""
        <!DOCTYPE html>
        <html><head><meta charset="utf-8"><title>{PageTitle.Replace("<", "&lt;").Replace(">", "&gt;")}</title>
        <meta property="article:published_time" content="2031-06-03T08:00:00Z">
        <link rel="canonical" href="javascript:window.pwned=2">
        </head><body onload="window.pwned=3">
        <article><h1>Kalmora cranes return</h1>
        <p>KALMORA (Coastal Wire) - Six harbour cranes returned to service in Kalmora on Monday <img src=x onerror="window.pwned=4"> after a two-year refit, the port authority said.</p>
        <script>window.pwned = 5; alert(5);</script>
        <p>The notice on the quay read &lt;script&gt;window.pwned=6&lt;/script&gt; and pointed to <a href="javascript:window.pwned=7">javascript:window.pwned=7</a>, harbour master Ilse Varnholt said.</p>
        </article></body></html>
        """;

    private static readonly string HostileJson = JsonSerializer.Serialize(new
    {
        title = "Harbour fees <b onmouseover=window.pwned=8>rise</b> in Kalmora",
        url = "javascript:window.pwned=9",
        published = "2031-06-02",
        source = "<i>Coastal Wire</i>",
        text = "KALMORA (Coastal Wire) - Harbour fees rose by a tenth in Kalmora <img src=x onerror=window.pwned=10> on Monday, the port authority said. " +
               "Shippers quoted javascript:window.pwned=11 and <svg onload=window.pwned=12> in their complaint.",
    });

    private const string Question = "<b>How many</b> harbour cranes returned to service in <i>Kalmora</i>?";
    private const string ScriptQuestion = "<script>window.pwned=14</script><img src=x onerror=window.pwned=13>";

    [Fact]
    public async Task Script_handlers_and_javascript_links_in_articles_and_questions_never_run_and_show_as_text()
    {
        using var client = fixture.Host.Client();
        await client.IngestFilesAsync(("kalmora-cranes.html", HostilePage), ("kalmora-fees.json", HostileJson));
        await using var chat = await chromium.OpenAsync(fixture.Host.Address);
        var page = chat.Page;
        var dialogs = new List<string>();
        page.Dialog += async (_, dialog) => { dialogs.Add(dialog.Message); await dialog.DismissAsync(); };
        await page.EvaluateAsync("() => { window.violations = []; document.addEventListener('securitypolicyviolation', e => window.violations.push(e.violatedDirective)); }");

        var answer = await chat.AskAsync(Question);
        Assert.False((bool)answer["abstained"]!, "the question is answered from the hostile article");
        await Expect(page.Locator("#conversation")).ToContainTextAsync("<b>How many</b> harbour cranes");
        await chat.Marker(1).ClickAsync();
        await Expect(chat.Panel).ToBeVisibleAsync();
        await Expect(page.Locator("#panel-title")).ToHaveTextAsync(PageTitle);
        await chat.AskAsync(ScriptQuestion);
        await Expect(page.Locator("#conversation")).ToContainTextAsync(ScriptQuestion);

        await page.GetByRole(AriaRole.Link, new() { Name = "Articles" }).ClickAsync();
        var pageItem = page.Locator(".article-item", new() { HasText = "onerror=window.pwned=1" });
        await Expect(pageItem).ToBeVisibleAsync();
        await pageItem.GetByRole(AriaRole.Button).First.ClickAsync();
        await Expect(page.Locator("#panel-title")).ToHaveTextAsync(PageTitle);
        await Expect(page.Locator("#panel-text")).ToContainTextAsync("<script>window.pwned=6</script>");
        await Expect(page.Locator("#panel-text")).ToContainTextAsync("javascript:window.pwned=7");

        var feesItem = page.Locator(".article-item", new() { HasText = "Harbour fees" });
        await feesItem.GetByRole(AriaRole.Button).First.ClickAsync();
        await Expect(page.Locator("#panel-title")).ToHaveTextAsync("Harbour fees <b onmouseover=window.pwned=8>rise</b> in Kalmora");
        await Expect(page.Locator("#panel-text")).ToContainTextAsync("<svg onload=window.pwned=12>");
        await Expect(page.Locator("#panel-link-row")).ToBeHiddenAsync();
        await page.Locator(".article-item", new() { HasText = "Harbour fees" }).HoverAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Search" }).ClickAsync();
        await page.GetByLabel("Words to search for").FillAsync("harbour fees <img src=x onerror=window.pwned=15>");
        await page.GetByLabel("Words to search for").PressAsync("Enter");
        await Expect(page.Locator("#search-results .passage").First).ToBeVisibleAsync();
        await Expect(page.Locator("#search-status")).ToContainTextAsync("<img src=x onerror=window.pwned=15>");
        await chat.ScreenshotAsync("markup-shown-as-text");

        Assert.Null(await page.EvaluateAsync<int?>("() => window.pwned ?? null"));
        Assert.Empty(dialogs);
        Assert.Equal(0, await page.Locator("img, svg[onload], b[onmouseover], a[href^='javascript']").CountAsync());
        Assert.Equal(1, await page.Locator("script").CountAsync());
        Assert.Empty(await page.EvaluateAsync<string[]>("() => window.violations"));
        chat.AssertNoScriptErrors();
    }
}
