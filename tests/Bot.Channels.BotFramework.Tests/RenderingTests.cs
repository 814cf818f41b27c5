using System.Text;
using Bot.Channels.BotFramework.Rendering;
using Bot.Channels.BotFramework.Schema;
using Bot.Channels.BotFramework.Tests.Fakes;
using Bot.Core.Answering;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Bot.Channels.BotFramework.Tests;

public sealed class RenderingTests
{
    private static readonly ConversationReference Teams = new("msg-1", new ChannelAccount { Id = "29:u" }, new ChannelAccount { Id = "28:b" },
        new ConversationAccount { Id = "a:1" }, "msteams", "https://smba.example/", "en-US");

    private static AnswerRenderer Renderer(int maxBytes = 100_000, string? webChat = null) =>
        new(Options.Create(new BotFrameworkOptions { MaxMessageBytes = maxBytes, WebChatUrl = webChat }), NullLogger<AnswerRenderer>.Instance);

    private static Citation Cite(int number, string title = "Title", string quote = "Quote.", string? source = "Reuters") =>
        new(number, $"article-{number}", title, new DateTimeOffset(2017, 1, 2, 0, 0, 0, TimeSpan.Zero), source, $"https://example.com/{number}", $"c{number}", quote, 0, quote.Length);

    [Fact]
    public void Citation_appearance_respects_the_Teams_length_limits()
    {
        var citation = Cite(1, title: new string('T', 200), quote: new string('Q', 500), source: "The Very Long Name Of A News Agency Somewhere");
        var message = Renderer().Render(Teams, new Answer("Claim [1].", false, [citation]), "q");

        var document = Assert.Single(Claims(message)).Appearance;
        Assert.Equal(80, document.Name.Length);
        Assert.Equal(160, document.Abstract.Length);
        Assert.All(document.Keywords!, k => Assert.True(k.Length <= 28));
    }

    [Fact]
    public void At_most_twenty_citations_are_attached()
    {
        var citations = Enumerable.Range(1, 25).Select(i => Cite(i)).ToList();
        var text = string.Concat(citations.Select(c => $"Claim [{c.Number}]. "));

        var claims = Claims(Renderer().Render(Teams, new Answer(text, false, citations), "q"));

        Assert.Equal(Enumerable.Range(1, 20), claims.Select(c => c.Position));
    }

    [Fact]
    public void Citations_not_referred_to_in_the_text_are_left_out()
    {
        var claims = Claims(Renderer().Render(Teams, new Answer("Only [2] is cited.", false, [Cite(1), Cite(2)]), "q"));
        Assert.Equal([2], claims.Select(c => c.Position));
    }

    [Theory]
    [InlineData(3000)]
    [InlineData(10_000)]
    public void Long_answer_is_cut_to_fit_the_byte_limit_at_a_word_boundary(int limit)
    {
        var text = string.Join(" ", Enumerable.Range(0, 3000).Select(i => $"wörd{i} \"quoted\" [1]"));
        var message = Renderer(limit, "https://bot.example.com/chat").Render(Teams, new Answer(text, false, [Cite(1)]), "why?");

        Assert.InRange(BotFrameworkJson.Serialize(message).Length, limit / 2, limit);
        Assert.Contains("(https://bot.example.com/chat?q=why%3F)", message.Text);
        var kept = message.Text![..message.Text!.IndexOf("\n\n…", StringComparison.Ordinal)];
        Assert.StartsWith(kept, text);
        Assert.Equal(' ', text[kept.Length]);
    }

    [Fact]
    public void Cutting_never_leaves_half_a_marker_or_half_a_character()
    {
        Assert.Equal("one two", TextLimits.CutToBytes("one two [12] three", 11));
        Assert.Equal("ab", TextLimits.CutToBytes("ab😀cd", 4));
        Assert.Equal("", TextLimits.CutToBytes("anything", 0));
        Assert.Equal(Encoding.UTF8.GetByteCount("short"), Encoding.UTF8.GetByteCount(TextLimits.CutToBytes("short", 100)));
    }

    [Fact]
    public void A_citation_of_a_pdf_says_its_page_in_Teams_and_in_the_sources_list()
    {
        var pdf = Cite(1, title: "Drone talks report") with { Page = 3 };
        var webChat = Teams with { ChannelId = "webchat" };

        var teams = Renderer().Render(Teams, new Answer("Claim [1].", false, [pdf]), "q");
        var listed = Renderer().Render(webChat, new Answer("Claim [1].", false, [pdf]), "q");

        Assert.Equal(["Reuters", "2017-01-02", "p. 3"], Assert.Single(Claims(teams)).Appearance.Keywords!);
        Assert.EndsWith("1. [Drone talks report](https://example.com/1) — Reuters, 2017-01-02, p. 3", listed.Text);
    }

    [Fact]
    public void Notice_has_no_AI_label_and_no_feedback_buttons()
    {
        var notice = Renderer().RenderNotice(Teams, "Sorry.");
        Assert.Null(notice.Entities);
        Assert.Null(notice.ChannelData);
        Assert.Equal("msg-1", notice.ReplyToId);
    }

    private static IReadOnlyList<Claim> Claims(Activity message)
    {
        var entity = Assert.Single(message.Entities!, e => e.Type == MessageEntity.EntityType);
        return System.Text.Json.JsonSerializer.Deserialize<List<Claim>>(entity.Properties!["citation"], BotFrameworkJson.Options)!;
    }
}
