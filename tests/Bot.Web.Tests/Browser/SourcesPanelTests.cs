using Bot.Testing;
using Bot.Web.Tests.Hosting;
using Bot.Web.Tests.Sources;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Bot.Web.Tests.Browser;

/// <summary>The Sources panel of the articles view, and a PDF's page in the web chat's citations, in real Chromium.</summary>
public sealed class SourcesPanelTests(ChromiumFixture chromium)
{
    [Fact]
    public async Task An_admin_sees_a_source_syncs_it_now_and_finds_its_articles()
    {
        await using var site = SourcesApiTests.Publish(await NewsSite.StartAsync());
        await using var host = await WebHost.StartAsync("Seeds:IngestWhenEmpty=false", "SourceSync:Enabled=false",
            "Sources:0:Name=wire", $"Sources:0:Url={site["/feed.xml"].AbsoluteUri}");
        await using var chat = await chromium.OpenAsync(host.Address);
        var page = chat.Page;

        await chat.GotoAsync("/#articles");
        await page.GetByText("Sources (1)").ClickAsync();
        var source = page.Locator(".source-item", new() { HasText = "wire" });
        await Expect(source).ToContainTextAsync("Never synced");
        await Expect(source).ToContainTextAsync(site["/feed.xml"].AbsoluteUri);

        await source.GetByRole(AriaRole.Button, new() { Name = "Sync wire now" }).ClickAsync();
        await Expect(source).ToContainTextAsync("OK");
        await Expect(source).ToContainTextAsync("2 added, 0 updated, 0 unchanged, 0 failed");
        await Expect(page.Locator(".article-item", new() { HasText = "Crane 2 returns" })).ToBeVisibleAsync();
        await chat.ScreenshotAsync("sources-panel-after-sync");
        chat.AssertNoScriptErrors();
    }

    [Fact]
    public async Task A_citation_of_a_pdf_shows_its_page_in_the_sources_and_the_panel()
    {
        await using var site = await NewsSite.StartAsync();
        site.Put("/docs/drones.pdf", "application/pdf", TestPdfs.ThreePageStory());
        await using var host = await WebHost.StartAsync("Seeds:IngestWhenEmpty=false");
        using var client = host.Client();
        var job = await client.WaitAsync(await client.IngestUrlsAsync(site["/docs/drones.pdf"].AbsoluteUri));
        Assert.Equal(1, (int)job["report"]!["added"]!);
        await using var chat = await chromium.OpenAsync(host.Address);

        await chat.AskAsync("Who asked the United States to arm its surveillance drones?");

        var answer = chat.Answers.Last;
        await Expect(answer.Locator(".source-meta")).ToContainTextAsync("p. 3");
        await chat.Marker(1).ClickAsync();
        await Expect(chat.Page.Locator("#panel-kicker")).ToHaveTextAsync("Source 1 · p. 3");
        await Expect(chat.PanelMarks.First).ToContainTextAsync("arm its surveillance drones");
        chat.AssertNoScriptErrors();
    }
}
