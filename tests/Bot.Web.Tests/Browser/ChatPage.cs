using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Bot.Web.Tests.Browser;

/// <summary>The web chat in a browser tab, with the steps tests take and what the page did in the meantime.</summary>
public sealed class ChatPage : IAsyncDisposable
{
    private readonly IBrowserContext context;
    private readonly List<string> scriptErrors = [];

    private ChatPage(IBrowserContext context, IPage page)
    {
        this.context = context;
        Page = page;
        page.PageError += (_, error) => scriptErrors.Add(error);
        page.Console += (_, message) =>
        {
            // Failed requests (a 401 before the key is entered, say) are logged by the browser itself, not by the page.
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
                scriptErrors.Add(message.Text);
        };
        page.Request += (_, request) =>
        {
            if (request.Method == "POST" && request.Url.EndsWith("/api/ask", StringComparison.Ordinal) && request.PostData is { } body)
                AskRequests.Add(JsonNode.Parse(body)!);
        };
    }

    public IPage Page { get; }

    /// <summary>The bodies of the POST /api/ask requests the page sent.</summary>
    public List<JsonNode> AskRequests { get; } = [];

    public ILocator Question => Page.Locator("#question");
    public ILocator Answers => Page.Locator("#conversation .answer");
    public ILocator Panel => Page.Locator("#panel");
    public ILocator PanelMarks => Page.Locator("#panel-text mark");

    public static async Task<ChatPage> OpenAsync(IBrowserContext context)
    {
        var chat = new ChatPage(context, await context.NewPageAsync());
        await chat.GotoAsync("/");
        return chat;
    }

    /// <summary>Loads <paramref name="path"/> and waits until the page knows its caller (it may be asking for a key).</summary>
    public async Task GotoAsync(string path)
    {
        await Page.GotoAsync(path);
        await Expect(Page.Locator("body[data-ready], #key-dialog[open]")).ToBeAttachedAsync();
    }

    /// <summary>Types the question, presses Enter and returns the final answer once the page shows it.</summary>
    public async Task<JsonNode> AskAsync(string question)
    {
        await Question.FillAsync(question);
        return await SendAndWaitAsync(() => Question.PressAsync("Enter"));
    }

    /// <summary>Runs <paramref name="send"/>, which sends a question, and returns its final answer once shown.</summary>
    public async Task<JsonNode> SendAndWaitAsync(Func<Task> send)
    {
        var answered = await Answers.CountAsync();
        var response = await Page.RunAndWaitForResponseAsync(send,
            r => r.Url.EndsWith("/api/ask", StringComparison.Ordinal) && r.Request.Method == "POST");
        Assert.Equal(200, response.Status);
        Assert.Equal("text/event-stream", (await response.AllHeadersAsync())["content-type"].Split(';')[0]);
        await Expect(Answers).ToHaveCountAsync(answered + 1);
        await Expect(Answers.Last).Not.ToHaveAttributeAsync("data-state", "streaming");
        // Chromium keeps no body of an event stream, so the answer is read where the page keeps it: the
        // conversation it stores for the tab holds each final answer as received.
        var stored = await Page.EvaluateAsync<string>("() => sessionStorage.getItem('newsbot.conversation')");
        return JsonNode.Parse(stored)!["turns"]!.AsArray()[^1]!["answer"]!;
    }

    /// <summary>The marker button [<paramref name="number"/>] of the latest answer.</summary>
    public ILocator Marker(int number) => Answers.Last.Locator($"button.cite[data-number='{number}']").First;

    /// <summary>Saves a screenshot in the test output folder and names it in the test output.</summary>
    public Task<string> ScreenshotAsync(string name) => ChromiumFixture.ScreenshotAsync(Page, name);

    public void AssertNoScriptErrors() => Assert.Empty(scriptErrors);

    public async ValueTask DisposeAsync() => await context.DisposeAsync();
}
