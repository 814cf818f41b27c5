using System.Text.Json.Nodes;
using Bot.Core.Answering;
using Bot.Web.Tests.Browser;
using Bot.Web.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Bot.Web.Tests.Teams;

/// <summary>
/// The Teams path in the real Teams test tool: the web host as it ships, the Microsoft 365 Agents Playground
/// in front of it (its own mocked Bot Connector, offline), and its page driven in headless Chromium. Skips with
/// a message without node, the playground package (tests/tools) or Chromium.
/// </summary>
public sealed class PlaygroundTests(ChromiumFixture chromium)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The web host with the Bot Framework endpoint open to the local playground, and the playground's page.</summary>
    private sealed class Session : IAsyncDisposable
    {
        public required WebHost Host { get; init; }
        public required AgentsPlayground Playground { get; init; }
        public required IBrowserContext Browser { get; init; }
        public required IPage Page { get; init; }

        public ILocator Composer => Page.GetByRole(AriaRole.Textbox);

        /// <summary>The answers in the open chat: bot messages carrying the AI label's text.</summary>
        public ILocator Answers => Page.Locator("p", new() { HasText = "Kalla Mountari" });

        public async Task SendAsync(string text)
        {
            await Composer.ClickAsync();
            await Page.Keyboard.TypeAsync(text);
            await Page.Keyboard.PressAsync("Enter");
        }

        public async ValueTask DisposeAsync()
        {
            await Browser.DisposeAsync();
            await Playground.DisposeAsync();
            await Host.DisposeAsync();
        }
    }

    private async Task<Session> StartAsync(params string[] settings)
    {
        // Playground or Chromium missing: skip before anything starts.
        var probe = await chromium.NewContextAsync(new Uri("http://127.0.0.1/"));
        await probe.DisposeAsync();
        Bot.Testing.NodeTools.RequirePackage("@microsoft/m365agentsplayground");

        var host = await WebHost.StartAsync([
            "environment=Development",
            "BotFramework:AllowUnauthenticated=true",
            "BotFramework:AllowedServiceUrls:0=127.0.0.1",
            .. settings]);
        AgentsPlayground? playground = null;
        try
        {
            playground = await AgentsPlayground.StartAsync(new Uri(host.Address, "/api/messages"));
            var browser = await chromium.NewContextAsync(playground.Address, new ViewportSize { Width = 1400, Height = 900 });
            var page = await browser.NewPageAsync();
            await page.GotoAsync("/");
            return new Session { Host = host, Playground = playground, Browser = browser, Page = page };
        }
        catch
        {
            if (playground is not null) await playground.DisposeAsync();
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>The answer the archive gives the seed question, asked over REST: what the playground should show.</summary>
    private static async Task<JsonNode> ExpectedAnswerAsync(WebHost host)
    {
        using var client = host.Client();
        return await (await client.AskAsync(WebHost.SeedQuestion)).JsonAsync();
    }

    [Fact]
    public async Task Personal_chat_answers_once_with_AI_label_and_citation_pop_ups_and_a_thumbs_down_comment_reaches_the_store_and_a_group_chat_answers_only_when_mentioned()
    {
        // The playground shows no citations on a message that also has suggested actions; the follow-ups have their own test.
        await using var session = await StartAsync("BotFramework:FollowUpsEnabled=false");
        var page = session.Page;
        var expected = await ExpectedAnswerAsync(session.Host);
        var citation = expected["citations"]![0]!;

        // Installing the bot (the page's installationUpdate and conversationUpdate) is welcomed once, with the example questions.
        await Expect(page.GetByText("Hello! I answer questions about the news archive")).ToHaveCountAsync(1);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Who asked the US to arm drones?" })).ToBeVisibleAsync();

        await session.SendAsync(WebHost.SeedQuestion);
        var answer = session.Answers;
        await Expect(answer).ToHaveCountAsync(1);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Dislike" })).ToBeVisibleAsync();
        // Streamed, then settled into one message: the answer is shown once, with its AI label and markers.
        await Expect(answer).ToHaveCountAsync(1);
        await Expect(page.GetByText("AI generated", new() { Exact = true })).ToHaveCountAsync(1);
        var markers = answer.Locator("a[role=button]");
        await Expect(markers).ToHaveCountAsync(expected["citations"]!.AsArray().Count);

        await markers.First.HoverAsync();
        var popUp = page.Locator("[role=dialog]", new() { HasText = Start((string)citation["quote"]!) });
        await Expect(popUp).ToBeVisibleAsync();
        await Expect(popUp).ToContainTextAsync(Start((string)citation["title"]!));
        await ChromiumFixture.ScreenshotAsync(page, "playground-citation");
        await page.Mouse.MoveAsync(5, 5);

        await page.GetByRole(AriaRole.Button, new() { Name = "Dislike" }).ClickAsync();
        await page.GetByLabel("What went wrong?").FillAsync("The minister's title is missing");
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit" }).ClickAsync();
        await Expect(page.GetByText("We appreciate your feedback.")).ToBeVisibleAsync();
        await ChromiumFixture.ScreenshotAsync(page, "playground-personal-chat");
        await page.GetByRole(AriaRole.Button, new() { Name = "Close" }).ClickAsync();

        var stored = await StoredFeedbackAsync(session.Host);
        Assert.Equal((FeedbackReaction.Dislike, "The minister's title is missing", WebHost.SeedQuestion),
            (stored.Reaction, stored.Text, stored.Question));
        Assert.Equal(expected["citations"]!.AsArray().Select(c => (string)c!["articleId"]!), stored.Citations.Select(c => c.ArticleId));
        Assert.NotNull(stored.QuestionId);

        await page.GetByRole(AriaRole.Treeitem, new() { Name = "Group Chat" }).ClickAsync();
        await Expect(session.Answers).ToHaveCountAsync(0);
        await session.SendAsync("Lunch at noon?");
        await session.Composer.ClickAsync();
        await page.Keyboard.TypeAsync("@");
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "Test Bot" }).ClickAsync();
        await page.Keyboard.TypeAsync(" " + WebHost.SeedQuestion);
        await page.Keyboard.PressAsync("Enter");
        // Messages of one chat are answered in order: once the mention is answered, the earlier chatter was handled, unanswered.
        await Expect(session.Answers).ToHaveCountAsync(1);
        await Expect(page.GetByText("AI generated", new() { Exact = true })).ToHaveCountAsync(1);
        await ChromiumFixture.ScreenshotAsync(page, "playground-group-chat");
    }

    [Fact]
    public async Task Follow_up_suggestions_under_an_answer_ask_about_the_cited_story_when_tapped()
    {
        // The playground shows suggestions only under the chat's last message, and it sometimes files the user's
        // message after a stream the bot opened within milliseconds of it (seen in 2 of about 10 full runs: the
        // question listed under the answer, no suggestions). A single answer message comes later, after the answer
        // is made; the streamed path has its own test above.
        await using var session = await StartAsync("BotFramework:StreamingEnabled=false");
        var page = session.Page;
        var expected = await ExpectedAnswerAsync(session.Host);
        var followUp = (string)expected["followUps"]![0]!;

        await session.SendAsync(WebHost.SeedQuestion);
        await Expect(page.GetByText("AI generated", new() { Exact = true })).ToHaveCountAsync(1);
        var suggestion = page.GetByRole(AriaRole.Button, new() { Name = followUp });
        await Expect(suggestion).ToBeVisibleAsync();
        await ChromiumFixture.ScreenshotAsync(page, "playground-follow-ups");

        await suggestion.ClickAsync();
        // The tap is the user's next message, answered like a typed one.
        await Expect(page.GetByText(followUp, new() { Exact = true })).Not.ToHaveCountAsync(0);
        await Expect(page.GetByText("AI generated", new() { Exact = true })).ToHaveCountAsync(2);
    }

    /// <summary>The first words of a text, as a pop-up shows them before cutting it to fit.</summary>
    private static string Start(string text) => string.Join(' ', text.Split(' ').Take(6));

    private static async Task<Feedback> StoredFeedbackAsync(WebHost host)
    {
        var store = host.Services.GetRequiredService<IFeedbackStore>();
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            await foreach (var entry in store.ReadAllAsync(Ct))
                if (entry.Reaction == FeedbackReaction.Dislike) return entry;
            if (DateTime.UtcNow > deadline) Assert.Fail("The thumbs-down never reached the feedback store.");
            await Task.Delay(100, Ct);
        }
    }
}
