using System.Text;
using System.Text.Json;
using Bot.Web.Tests.Hosting;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Bot.Web.Tests.Browser;

/// <summary>The articles view for an admin (a local caller without keys): list, open, ingest with progress, delete.</summary>
public sealed class ArticlesPageTests(WebHostFixture fixture, ChromiumFixture chromium) : IClassFixture<WebHostFixture>
{
    [Fact]
    public async Task An_admin_uploads_a_file_follows_the_ingest_opens_the_article_and_deletes_it()
    {
        await using var chat = await chromium.OpenAsync(fixture.Host.Address);
        var page = chat.Page;
        await page.GetByRole(AriaRole.Link, new() { Name = "Articles" }).ClickAsync();
        await Expect(page.Locator(".article-item").First).ToBeVisibleAsync();
        await page.GetByText("Add articles").ClickAsync();

        const string title = "Night ferry to Orrholm resumes";
        // Dated after everything else in the archive, so it is listed first (newest first).
        await page.GetByLabel("Files").SetInputFilesAsync(new FilePayload
        {
            Name = "ferry.md",
            MimeType = "text/markdown",
            Buffer = Encoding.UTF8.GetBytes($"---\npublished: 2031-04-05\nsource: Island Post\n---\n# {title}\n\nThe night ferry to Orrholm resumed on Saturday after a winter break, the operator said.\n"),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Ingest" }).ClickAsync();
        await Expect(page.Locator("#ingest-text")).ToContainTextAsync("Done");
        await Expect(page.Locator("#ingest-text")).ToContainTextAsync("1 added");
        await Expect(page.Locator("#ingest-progress")).ToHaveJSPropertyAsync("value", 1);
        var item = page.Locator(".article-item", new() { HasText = title });
        await Expect(item).ToBeVisibleAsync();
        await chat.ScreenshotAsync("articles-after-ingest");

        await item.GetByRole(AriaRole.Button, new() { Name = title, Exact = true }).ClickAsync();
        await Expect(page.Locator("#panel-title")).ToHaveTextAsync(title);
        await Expect(page.Locator("#panel-text")).ToContainTextAsync("resumed on Saturday after a winter break");
        await Expect(chat.PanelMarks).ToHaveCountAsync(0);

        var delete = item.GetByRole(AriaRole.Button, new() { Name = $"Delete “{title}”" });
        await delete.ClickAsync();
        await Expect(delete).ToHaveTextAsync("Confirm delete");
        await delete.ClickAsync();
        await Expect(item).ToHaveCountAsync(0);
        await Expect(page.Locator("#articles-status")).ToHaveTextAsync($"Deleted “{title}”.");
        await Expect(chat.Panel).ToBeHiddenAsync();
        await Expect(page.Locator(".article-item").First).ToBeVisibleAsync();
        chat.AssertNoScriptErrors();
    }

    [Fact]
    public async Task The_list_pages_through_the_archive_and_follows_the_filters()
    {
        using var client = fixture.Host.Client();
        var lines = Enumerable.Range(1, 25).Select(i => JsonSerializer.Serialize(new
        {
            title = $"Market report {i:00}",
            published = $"2020-03-{i:00}",
            source = "Market Wire",
            text = $"Traders in the market of day {i} reported steady prices for grain and wool.",
        }));
        await client.IngestFilesAsync(("markets.jsonl", string.Join('\n', lines)));
        var total = (int)(await (await client.GetAsync("/api/articles?limit=1", TestContext.Current.CancellationToken)).JsonAsync())["total"]!;

        await using var chat = await chromium.OpenAsync(fixture.Host.Address);
        var page = chat.Page;
        await chat.GotoAsync("/#articles");
        await Expect(page.Locator("#page-info")).ToHaveTextAsync($"1–20 of {total}");
        await Expect(page.Locator(".article-item")).ToHaveCountAsync(20);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Previous" })).ToBeDisabledAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        await Expect(page.Locator("#page-info")).ToHaveTextAsync($"21–{total} of {total}");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Next" })).ToBeDisabledAsync();

        await page.Locator("#filters summary").ClickAsync();
        await page.GetByLabel("Source").FillAsync("Market Wire");
        await page.GetByLabel("From").FillAsync("2020-03-10");
        await page.GetByLabel("From").PressAsync("Tab");
        await Expect(page.Locator("#page-info")).ToHaveTextAsync("1–16 of 16");
        await Expect(page.Locator("#articles-count")).ToHaveTextAsync("16 articles");
        await chat.ScreenshotAsync("articles-filtered");
        chat.AssertNoScriptErrors();
    }

    [Fact]
    public async Task Web_pages_pasted_as_urls_are_ingested()
    {
        await using var site = await LocalSite.StartAsync("Cranes of Kalmora lift again");
        await using var chat = await chromium.OpenAsync(fixture.Host.Address);
        await chat.GotoAsync("/#articles");
        await chat.Page.GetByText("Add articles").ClickAsync();

        await chat.Page.GetByLabel("Web pages").FillAsync(site.StoryUrl.ToString());
        await chat.Page.GetByRole(AriaRole.Button, new() { Name = "Ingest" }).ClickAsync();

        await Expect(chat.Page.Locator("#ingest-text")).ToContainTextAsync("1 added");
        // Other tests of this class add newer articles, so the 2019 story may sit past the first page: find it by its source.
        await chat.Page.Locator("#filters summary").ClickAsync();
        await chat.Page.GetByLabel("Source").FillAsync("Coastal Wire");
        await chat.Page.GetByLabel("Source").PressAsync("Tab");
        await Expect(chat.Page.Locator(".article-item", new() { HasText = site.Title })).ToBeVisibleAsync();
        await Expect(chat.Page.GetByLabel("Web pages")).ToHaveValueAsync("");
        chat.AssertNoScriptErrors();
    }

    [Fact]
    public async Task Article_and_answer_text_is_shown_as_text_never_run_as_html()
    {
        const string title = "Mayor <b>Quill</b> opens bridge <img src=x onerror=\"window.pwned=1\">";
        var article = JsonSerializer.Serialize(new
        {
            title,
            url = "javascript:window.pwned=3",
            text = "Mayor Ottoline Quill <img src=x onerror=\"window.pwned=1\"> opened the new bridge over the river Asker on Friday, " +
                   "<script>window.pwned=2</script> the council said.",
        });
        using var client = fixture.Host.Client();
        await client.IngestFilesAsync(("bridge.json", article));

        await using var chat = await chromium.OpenAsync(fixture.Host.Address);
        var answer = await chat.AskAsync("Who opened the bridge over the river Asker?");
        Assert.False((bool)answer["abstained"]!);
        await Expect(chat.Answers.Last.Locator(".answer-body")).ToContainTextAsync("<img src=x onerror=");
        await chat.Marker(1).ClickAsync();
        await Expect(chat.Page.Locator("#panel-title")).ToHaveTextAsync(title);
        await Expect(chat.Page.Locator("#panel-text")).ToContainTextAsync("<script>window.pwned=2</script>");

        Assert.Equal(0, await chat.Page.Locator("main img, main b, main script, #panel img, #panel b, #panel script").CountAsync());
        Assert.True(await chat.Page.EvaluateAsync<bool>("() => window.pwned === undefined"));
        var links = await chat.Page.Locator("#panel a").EvaluateAllAsync<string[]>("links => links.map(a => a.href)");
        Assert.DoesNotContain(links, href => href.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase));
        chat.AssertNoScriptErrors();
    }
}
