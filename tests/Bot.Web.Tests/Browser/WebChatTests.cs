using Bot.Web.Tests.Hosting;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Bot.Web.Tests.Browser;

/// <summary>The web chat in headless Chromium against the real host: asking, streaming, citations, follow-ups, search.</summary>
public sealed class WebChatTests(WebHostFixture fixture, ChromiumFixture chromium) : IClassFixture<WebHostFixture>
{
    private Task<ChatPage> OpenAsync(ViewportSize? viewport = null, bool phone = false) => chromium.OpenAsync(fixture.Host.Address, viewport, phone);

    [Fact]
    public async Task The_answer_streams_in_and_citation_1_opens_the_article_with_the_quote_highlighted()
    {
        await using var chat = await OpenAsync();
        // Record the answer as it changes: while streaming, the text must grow delta by delta before the final answer.
        await chat.Page.EvaluateAsync("""
            () => {
              window.answerStates = [];
              new MutationObserver(() => {
                const answer = [...document.querySelectorAll('#conversation .answer')].at(-1);
                if (!answer) return;
                window.answerStates.push({
                  state: answer.dataset.state,
                  deltas: answer.querySelectorAll('.delta').length,
                  length: answer.querySelector('.answer-body')?.textContent.length ?? 0,
                });
              }).observe(document.getElementById('conversation'), { childList: true, subtree: true, characterData: true });
            }
            """);

        var answer = await chat.AskAsync(WebHost.SeedQuestion);

        Assert.False((bool)answer["abstained"]!);
        var states = await chat.Page.EvaluateAsync<AnswerState[]>("() => window.answerStates");
        var streaming = states.Where(s => s is { State: "streaming", Deltas: > 0 }).ToList();
        Assert.NotEmpty(streaming);
        Assert.Equal(streaming.Select(s => s.Length).Order(), streaming.Select(s => s.Length));
        Assert.Equal("answered", states[^1].State);
        await Expect(chat.Answers.Last).ToHaveAttributeAsync("data-state", "answered");
        await Expect(chat.Answers.Last.Locator(".answer-body")).ToContainTextAsync("Mountari");
        var articles = answer["citations"]!.AsArray().Select(c => (string)c!["articleId"]!).Distinct().Count();
        await Expect(chat.Answers.Last.Locator(".source")).ToHaveCountAsync(articles);

        await chat.Marker(1).ClickAsync();

        var citation = answer["citations"]![0]!;
        await Expect(chat.Panel).ToBeVisibleAsync();
        await Expect(chat.Page.Locator("#panel-kicker")).ToHaveTextAsync("Source 1");
        await Expect(chat.Page.Locator("#panel-title")).ToHaveTextAsync((string)citation["title"]!);
        await Expect(chat.Page.Locator("#panel-meta")).ToContainTextAsync("Nov 1, 2017");
        await Expect(chat.Page.Locator("#panel-meta")).ToContainTextAsync("Reuters");
        await Expect(chat.PanelMarks).ToHaveCountAsync(1);
        await Expect(chat.PanelMarks).ToHaveTextAsync((string)citation["quote"]!);
        await Expect(chat.PanelMarks).ToBeInViewportAsync();
        await chat.ScreenshotAsync("answer-with-citation-panel");

        // A later citation further down the article is scrolled into view too.
        if (answer["citations"]!.AsArray().Count > 1)
        {
            await chat.Marker(2).ClickAsync();
            await Expect(chat.Page.Locator("#panel-kicker")).ToHaveTextAsync("Source 2");
            await Expect(chat.PanelMarks).ToHaveTextAsync((string)answer["citations"]![1]!["quote"]!);
            await Expect(chat.PanelMarks).ToBeInViewportAsync();
        }
        chat.AssertNoScriptErrors();
    }

    [Fact]
    public async Task Follow_up_buttons_under_an_answer_ask_about_the_cited_story_in_the_same_conversation()
    {
        await using var chat = await OpenAsync();
        var answer = await chat.AskAsync(WebHost.SeedQuestion);
        var followUp = (string)answer["followUps"]![0]!;

        var button = chat.Answers.Last.GetByRole(AriaRole.Group, new() { Name = "Ask next" }).GetByRole(AriaRole.Button, new() { Name = followUp });
        await Expect(button).ToBeVisibleAsync();
        var next = await chat.SendAndWaitAsync(() => button.ClickAsync());

        Assert.Equal(followUp, (string)chat.AskRequests[^1]["question"]!);
        Assert.Equal((string)chat.AskRequests[0]["conversationId"]!, (string)chat.AskRequests[^1]["conversationId"]!);
        Assert.False((bool)next["abstained"]!);
        await Expect(chat.Page.Locator(".question-text").Last).ToHaveTextAsync(followUp);
        chat.AssertNoScriptErrors();
    }

    [Fact]
    public async Task A_link_from_a_Teams_citation_opens_the_article_at_the_quote_and_a_link_from_a_cut_answer_fills_in_the_question()
    {
        using var client = fixture.Host.Client();
        var citation = (await (await client.AskAsync(WebHost.SeedQuestion)).JsonAsync())["citations"]![0]!;
        await using var chat = await OpenAsync();

        await chat.GotoAsync($"/?article={Uri.EscapeDataString((string)citation["articleId"]!)}&start={(int)citation["start"]!}&end={(int)citation["end"]!}");
        await Expect(chat.Panel).ToBeVisibleAsync();
        await Expect(chat.Page.Locator("#panel-title")).ToHaveTextAsync((string)citation["title"]!);
        await Expect(chat.PanelMarks).ToHaveTextAsync((string)citation["quote"]!);

        await chat.GotoAsync("/?q=" + Uri.EscapeDataString("What did the minister say?"));
        await Expect(chat.Question).ToHaveValueAsync("What did the minister say?");
        chat.AssertNoScriptErrors();
    }

    private sealed class AnswerState
    {
        public string State { get; set; } = "";
        public int Deltas { get; set; }
        public int Length { get; set; }
    }

    [Fact]
    public async Task A_follow_up_stays_in_the_conversation_until_a_new_one_is_started()
    {
        await using var chat = await OpenAsync();
        await chat.AskAsync(WebHost.SeedQuestion);
        var followUp = await chat.AskAsync("What did he say about it?");

        Assert.Contains(WebHost.SeedQuestion, (string)followUp["retrievalQuery"]!);
        await Expect(chat.Page.Locator("#conversation .turn")).ToHaveCountAsync(2);
        var ids = chat.AskRequests.Select(r => (string)r["conversationId"]!).ToList();
        Assert.Equal(2, ids.Count);
        Assert.Equal(ids[0], ids[1]);
        Assert.All(chat.AskRequests, r => Assert.True((bool)r["stream"]!));

        // The conversation belongs to the tab: a reload shows it again and continues it.
        await chat.GotoAsync("/");
        await Expect(chat.Page.Locator("#conversation .turn")).ToHaveCountAsync(2);
        await Expect(chat.Page.Locator("#ask-intro")).ToBeHiddenAsync();

        await chat.Page.GetByRole(AriaRole.Button, new() { Name = "New conversation" }).ClickAsync();
        await Expect(chat.Page.Locator("#conversation .turn")).ToHaveCountAsync(0);
        await Expect(chat.Page.Locator("#ask-intro")).ToBeVisibleAsync();
        await Expect(chat.Question).ToBeFocusedAsync();

        var fresh = await chat.AskAsync("What did he say about it?");
        Assert.NotEqual(ids[0], (string)chat.AskRequests[^1]["conversationId"]!);
        Assert.DoesNotContain(WebHost.SeedQuestion, (string)fresh["retrievalQuery"]!);
        chat.AssertNoScriptErrors();
    }

    [Fact]
    public async Task An_abstention_looks_different_from_an_answer()
    {
        await using var chat = await OpenAsync();
        var answer = await chat.AskAsync("What is the price of coal in Lagos?");

        Assert.True((bool)answer["abstained"]!);
        var shown = chat.Answers.Last;
        await Expect(shown).ToHaveAttributeAsync("data-state", "abstained");
        await Expect(shown).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("is-abstained"));
        await Expect(shown.Locator(".answer-label")).ToHaveTextAsync("Not in the archive");
        await Expect(shown.Locator("button.cite")).ToHaveCountAsync(0);
        var answeredBackground = await shown.EvaluateAsync<string>("e => getComputedStyle(e).borderStyle");
        Assert.Equal("dashed", answeredBackground);
        chat.AssertNoScriptErrors();
    }

    [Fact]
    public async Task Filters_travel_with_the_question()
    {
        await using var chat = await OpenAsync();
        await chat.Page.Locator("#filters summary").ClickAsync();
        await chat.Page.GetByLabel("From").FillAsync("2018-01-01");
        await chat.Page.GetByLabel("Source").FillAsync("Reuters");
        await chat.Page.GetByLabel("Source").PressAsync("Tab");
        await Expect(chat.Page.Locator("#filter-summary")).ToContainTextAsync("Reuters");

        var answer = await chat.AskAsync(WebHost.SeedQuestion);

        var filters = chat.AskRequests[^1]["filters"]!;
        Assert.Equal("2018-01-01", (string)filters["from"]!);
        Assert.Equal("Reuters", (string)filters["source"]!);
        // The only article is from 2017, so nothing may be cited.
        Assert.True((bool)answer["abstained"]!);
        chat.AssertNoScriptErrors();
    }

    [Fact]
    public async Task Search_mode_lists_passages_that_open_in_their_article()
    {
        await using var chat = await OpenAsync();
        await chat.Page.GetByRole(AriaRole.Link, new() { Name = "Search" }).ClickAsync();
        await chat.Page.GetByLabel("Words to search for").FillAsync("armed drones");
        await chat.Page.GetByLabel("Words to search for").PressAsync("Enter");

        var passages = chat.Page.Locator("#search-results .passage");
        await Expect(passages.First).ToBeVisibleAsync();
        Assert.InRange(await passages.CountAsync(), 1, 20);
        await Expect(chat.Page.Locator("#search-status")).ToContainTextAsync("for “armed drones”");
        await Expect(passages.First.Locator("mark.term").First).ToBeVisibleAsync();
        await Expect(chat.Page.Locator(".views a[aria-current=page]")).ToHaveTextAsync("Search");

        var passageText = await passages.First.Locator(".passage-text").TextContentAsync();
        await passages.First.Locator(".passage-title button").ClickAsync();
        await Expect(chat.Page.Locator("#panel-kicker")).ToHaveTextAsync("Passage");
        await Expect(chat.PanelMarks.First).ToBeVisibleAsync();
        var marked = await chat.PanelMarks.AllTextContentsAsync();
        Assert.Equal(passageText, string.Join('\n', marked));
        await chat.ScreenshotAsync("search-passages");
        chat.AssertNoScriptErrors();
    }

    [Fact]
    public async Task The_keyboard_alone_asks_opens_a_source_and_closes_it_with_Escape()
    {
        await using var chat = await OpenAsync();
        var reached = false;
        for (var presses = 0; presses < 15 && !reached; presses++)
        {
            await chat.Page.Keyboard.PressAsync("Tab");
            reached = await chat.Page.EvaluateAsync<bool>("() => document.activeElement?.id === 'question'");
        }
        Assert.True(reached, "Tab reaches the question box");

        await chat.Page.Keyboard.TypeAsync(WebHost.SeedQuestion);
        await chat.SendAndWaitAsync(() => chat.Page.Keyboard.PressAsync("Enter"));
        await Expect(chat.Answers.Last).ToHaveAttributeAsync("data-state", "answered");
        await Expect(chat.Question).ToBeFocusedAsync();
        await Expect(chat.Question).ToHaveValueAsync("");

        // Back from the question box into the answer: its follow-up question first, then the last source's title.
        await chat.Page.Keyboard.PressAsync("Shift+Tab");
        await Expect(chat.Page.Locator(".follow-up:focus")).ToBeFocusedAsync();
        await chat.Page.Keyboard.PressAsync("Shift+Tab");
        var source = chat.Page.Locator(".source-title:focus");
        await Expect(source).ToBeFocusedAsync();
        Assert.NotEqual("none", await source.EvaluateAsync<string>("e => getComputedStyle(e).outlineStyle"));

        await chat.Page.Keyboard.PressAsync("Enter");
        await Expect(chat.Panel).ToBeVisibleAsync();
        await Expect(chat.Page.Locator("#panel-title")).ToBeFocusedAsync();
        await Expect(chat.PanelMarks.First).ToBeVisibleAsync();

        await chat.Page.Keyboard.PressAsync("Escape");
        await Expect(chat.Panel).ToBeHiddenAsync();
        await Expect(chat.Page.Locator(".answer .source-title").Last).ToBeFocusedAsync();
        chat.AssertNoScriptErrors();
    }

    [Fact]
    public async Task On_a_phone_the_question_and_answer_fit_and_the_article_is_a_full_screen_sheet()
    {
        var phone = new ViewportSize { Width = 390, Height = 844 };
        await using var chat = await OpenAsync(phone, phone: true);
        await Expect(chat.Question).ToBeInViewportAsync();

        await chat.AskAsync(WebHost.SeedQuestion);
        await Expect(chat.Question).ToBeInViewportAsync();
        await Expect(chat.Answers.Last.Locator(".cite").First).ToBeInViewportAsync();
        var width = await chat.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= phone.Width, $"no sideways scrolling (page is {width}px wide)");
        await chat.ScreenshotAsync("phone-answer");

        await chat.Marker(1).TapAsync();
        await Expect(chat.PanelMarks.First).ToBeInViewportAsync();
        await chat.Panel.EvaluateAsync("sheet => Promise.all(sheet.getAnimations().map(a => a.finished))");
        var sheet = await chat.Panel.BoundingBoxAsync();
        Assert.NotNull(sheet);
        Assert.Equal((0f, 0f, phone.Width, phone.Height), (sheet.X, sheet.Y, sheet.Width, sheet.Height));
        await chat.ScreenshotAsync("phone-citation-sheet");

        await chat.Page.GetByRole(AriaRole.Button, new() { Name = "Close the article (Escape)" }).TapAsync();
        await Expect(chat.Panel).ToBeHiddenAsync();
        chat.AssertNoScriptErrors();
    }
}
