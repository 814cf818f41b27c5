using Bot.Web.Tests.Hosting;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Bot.Web.Tests.Browser;

/// <summary>The page against a host that requires API keys: it asks for one, keeps it, and offers what the role allows.</summary>
public sealed class KeyPromptTests(KeyedHostFixture fixture, ChromiumFixture chromium) : IClassFixture<KeyedHostFixture>
{
    [Fact]
    public async Task The_page_asks_for_a_key_refuses_a_wrong_one_and_keeps_a_reader_key()
    {
        await using var chat = await chromium.OpenAsync(fixture.Host.Address);
        var page = chat.Page;
        var dialog = page.Locator("#key-dialog");
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(page.GetByLabel("API key", new() { Exact = true })).ToBeFocusedAsync();
        await chat.ScreenshotAsync("api-key-prompt");

        await page.GetByLabel("API key", new() { Exact = true }).FillAsync("not-a-key");
        await page.GetByLabel("API key", new() { Exact = true }).PressAsync("Enter");
        await Expect(page.Locator("#key-error")).ToContainTextAsync("not accepted");
        await Expect(dialog).ToBeVisibleAsync();

        await page.GetByLabel("API key", new() { Exact = true }).FillAsync(KeyedHostFixture.ReaderKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Use this key" }).ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
        await Expect(page.Locator("#caller")).ToHaveTextAsync("support-desk · reader");

        var answer = await chat.AskAsync(WebHost.SeedQuestion);
        Assert.False((bool)answer["abstained"]!);

        // The key is remembered, and a reader gets no admin controls.
        await chat.GotoAsync("/#articles");
        await Expect(dialog).ToBeHiddenAsync();
        await Expect(page.Locator(".article-item").First).ToBeVisibleAsync();
        await Expect(page.Locator("#ingest")).ToBeHiddenAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Delete" })).ToHaveCountAsync(0);
        chat.AssertNoScriptErrors();
    }

    [Fact]
    public async Task An_admin_key_shows_the_admin_controls()
    {
        await using var chat = await chromium.OpenAsync(fixture.Host.Address);
        await chat.Page.GetByLabel("API key", new() { Exact = true }).FillAsync(KeyedHostFixture.AdminKey);
        await chat.Page.GetByLabel("API key", new() { Exact = true }).PressAsync("Enter");
        await Expect(chat.Page.Locator("#caller")).ToHaveTextAsync("archivist · admin");

        await chat.Page.GetByRole(AriaRole.Link, new() { Name = "Articles" }).ClickAsync();
        await Expect(chat.Page.Locator("#ingest")).ToBeVisibleAsync();
        await Expect(chat.Page.Locator(".article-item button.danger").First).ToBeVisibleAsync();
        chat.AssertNoScriptErrors();
    }
}
