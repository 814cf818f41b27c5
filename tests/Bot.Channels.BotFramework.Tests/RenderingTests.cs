using System.Text.Json.Nodes;
using Bot.Channels.BotFramework.Rendering;
using Bot.Channels.BotFramework.Schema;
using Bot.Channels.BotFramework.Tests.Fakes;
using Bot.Core.Answering;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Bot.Channels.BotFramework.Tests;

/// <summary>The Teams message rules, each checked on the activity the renderer produces (as JSON, as it is sent).</summary>
public sealed class RenderingTests
{
    private static readonly ConversationReference Teams = new("msg-1", new ChannelAccount { Id = "29:u" }, new ChannelAccount { Id = "28:b" },
        new ConversationAccount { Id = "a:1" }, "msteams", "https://smba.example/", "en-US");

    private static readonly ConversationReference WebChat = Teams with { ChannelId = "webchat" };

    private static AnswerRenderer Renderer(int maxBytes = MessageSize.DefaultBudget, string? webChat = "https://bot.example.com/chat") =>
        new(Options.Create(new BotFrameworkOptions { MaxMessageBytes = maxBytes, WebChatUrl = webChat }), NullLogger<AnswerRenderer>.Instance);

    private static Citation Cite(int number, string title = "Title", string quote = "Quote.", string? source = "Reuters", string? article = null) =>
        new(number, article ?? $"article-{number}", title, new DateTimeOffset(2017, 1, 2, 0, 0, 0, TimeSpan.Zero), source, $"https://example.com/{number}",
            $"c{number}", quote, 10 * number, 10 * number + quote.Length);

    private static JsonNode Json(Activity activity) => JsonNode.Parse(BotFrameworkJson.Serialize(activity))!;

    [Fact]
    public void Citation_appearance_respects_the_Teams_length_limits()
    {
        var citation = Cite(1, title: new string('T', 200), quote: new string('Q', 500), source: "The Very Long Name Of A News Agency Somewhere");
        var message = Renderer().Render(Teams, new Answer("Claim [1].", false, [citation]), "q");

        TeamsMessageRules.AssertValid(Json(message));
        var document = Assert.Single(Claims(message)).Appearance;
        Assert.Equal(80, document.Name.Length);
        Assert.Equal(160, document.Abstract.Length);
        Assert.All(document.Keywords!, k => Assert.True(k.Length <= 28));
    }

    [Fact]
    public void Many_quotes_from_few_articles_are_merged_into_one_citation_per_article_and_renumbered()
    {
        // Fourteen quotes from six articles: more than Teams accepts, but six sources are fine.
        var citations = Enumerable.Range(1, 14).Select(i => Cite(i, title: $"Story {(i - 1) % 6}", quote: $"Quote {i}.", article: $"story-{(i - 1) % 6}")).ToList();
        var text = string.Concat(citations.Select(c => $"Claim {c.Number} [{c.Number}]. "));

        var message = Renderer().Render(Teams, new Answer(text, false, citations), "q");

        TeamsMessageRules.AssertValid(Json(message));
        Assert.Equal(Enumerable.Range(1, 6), Claims(message).Select(c => c.Position));
        Assert.StartsWith("Claim 1 [1]. Claim 2 [2].", message.Text);
        Assert.Contains("Claim 7 [1]. Claim 8 [2].", message.Text);
        Assert.Contains("Claim 14 [2].", message.Text);
        Assert.DoesNotContain("[7]", message.Text);
        // Story 0 was quoted three times (claims 1, 7, 13): its card carries every quote.
        var card = JsonNode.Parse(Claims(message)[0].Appearance.Text!)!.ToJsonString();
        Assert.All(new[] { "Quote 1.", "Quote 7.", "Quote 13." }, q => Assert.Contains(q, card));
        Assert.Equal("Quote 1.", Claims(message)[0].Appearance.Abstract);
    }

    [Fact]
    public void More_than_ten_articles_end_the_text_before_the_eleventh_is_cited_with_a_link_to_the_rest()
    {
        var citations = Enumerable.Range(1, 12).Select(i => Cite(i, title: $"Story {i}")).ToList();
        var text = string.Concat(citations.Select(c => $"Sentence {c.Number} says so [{c.Number}]. "));

        var message = Renderer().Render(Teams, new Answer(text, false, citations), "what happened?");

        TeamsMessageRules.AssertValid(Json(message));
        Assert.Equal(Enumerable.Range(1, 10), Claims(message).Select(c => c.Position));
        Assert.StartsWith("Sentence 1 says so [1]. ", message.Text);
        Assert.Contains("Sentence 10 says so [10].", message.Text);
        Assert.DoesNotContain("Sentence 11", message.Text);
        Assert.Contains("(https://bot.example.com/chat?q=what%20happened%3F)", message.Text);
    }

    [Fact]
    public void Citation_budget_drops_only_the_overflowing_markers_when_the_first_sentence_cites_them_all()
    {
        var citations = Enumerable.Range(1, 11).Select(i => Cite(i)).ToList();
        var text = "Everyone agreed " + string.Concat(citations.Select(c => $"[{c.Number}]")) + ".";

        var fitted = CitationBudget.Fit(text, citations, 10);

        Assert.Equal("Everyone agreed [1][2][3][4][5][6][7][8][9][10].", fitted.Text);
        Assert.Equal(10, fitted.Sources.Count);
        Assert.False(fitted.Truncated);
    }

    [Fact]
    public void Citations_not_referred_to_in_the_text_are_left_out()
    {
        var message = Renderer().Render(Teams, new Answer("Only [2] is cited.", false, [Cite(1), Cite(2)]), "q");
        TeamsMessageRules.AssertValid(Json(message));
        Assert.Equal([2], Claims(message).Select(c => c.Position));
    }

    [Fact]
    public void Teams_citation_opens_an_adaptive_card_with_the_full_quote_title_date_source_and_a_link_to_the_passage()
    {
        var quote = "Niger's defense minister said his government had asked the United States to arm its drones. " + new string('x', 300);
        var citation = Cite(1, title: "Niger asks U.S. to arm drones", quote: quote) with { ArticleId = "niger 1", Start = 120, End = 120 + quote.Length };
        var message = Renderer().Render(Teams, new Answer("Niger asked [1].", false, [citation]), "q");

        TeamsMessageRules.AssertValid(Json(message));
        var appearance = Assert.Single(Claims(message)).Appearance;
        Assert.Equal(CitationCard.EncodingFormat, appearance.EncodingFormat);
        Assert.Equal(160, appearance.Abstract.Length);
        var card = JsonNode.Parse(appearance.Text!)!;
        Assert.Equal("AdaptiveCard", card["type"]!.GetValue<string>());
        var blocks = card["body"]!.AsArray().Select(b => b!["text"]!.GetValue<string>()).ToList();
        Assert.Equal("Niger asks U.S. to arm drones", blocks[0]);
        Assert.Equal("2 January 2017 · Reuters", blocks[1]);
        Assert.Equal($"“{quote}”", blocks[2]);
        Assert.Equal($"[Show the passage in the web chat](https://bot.example.com/chat?article=niger%201&start=120&end={120 + quote.Length})", blocks[3]);
        Assert.Null(card["actions"]);
    }

    [Fact]
    public void Channels_without_citation_cards_get_the_abstract_and_the_sources_listed_in_the_text()
    {
        var message = Renderer().Render(WebChat, new Answer("Claim [1].", false, [Cite(1, title: "A story")]), "q");

        var appearance = Assert.Single(Claims(message)).Appearance;
        Assert.Null(appearance.Text);
        Assert.Null(appearance.EncodingFormat);
        Assert.Equal("Quote.", appearance.Abstract);
        Assert.Contains("\n1. [A story](https://example.com/1) — Reuters, 2017-01-02", message.Text);
    }

    [Fact]
    public void Without_a_web_chat_the_card_has_no_link()
    {
        var message = Renderer(webChat: null).Render(Teams, new Answer("Claim [1].", false, [Cite(1)]), "q");
        Assert.DoesNotContain("web chat", Claims(message)[0].Appearance.Text);
    }

    [Fact]
    public void Feedback_buttons_use_the_current_feedback_loop_and_never_the_legacy_flag()
    {
        var json = Json(Renderer().Render(Teams, new Answer("Claim [1].", false, [Cite(1)]), "q"));
        Assert.Equal("""{"feedbackLoop":{"type":"default"}}""", json["channelData"]!.ToJsonString());
    }

    [Fact]
    public void Follow_ups_become_at_most_three_imBack_suggested_actions()
    {
        var answer = new Answer("Claim [1].", false, [Cite(1)])
        {
            FollowUps = ["More on the Agadez drone base", "More on Niger", "More on the Sahel", "More on a fourth"],
        };
        var json = Json(Renderer().Render(Teams, answer, "q"));

        TeamsMessageRules.AssertValid(json);
        var actions = json["suggestedActions"]!["actions"]!.AsArray();
        Assert.Equal(["More on the Agadez drone base", "More on Niger", "More on the Sahel"], actions.Select(a => a!["value"]!.GetValue<string>()));
        Assert.All(actions, a => Assert.Equal(("imBack", a!["value"]!.GetValue<string>()), (a["type"]!.GetValue<string>(), a["title"]!.GetValue<string>())));
    }

    [Fact]
    public void An_abstention_offers_no_follow_ups_and_no_citations()
    {
        var json = Json(Renderer().Render(Teams, Answer.Abstain("The archive does not say.", "x") with { FollowUps = [] }, "q"));
        TeamsMessageRules.AssertValid(json);
        Assert.Null(json["suggestedActions"]);
        Assert.Null(json["entities"]![0]!["citation"]);
    }

    [Theory]
    [InlineData(6000)]
    [InlineData(20_000)]
    public void Long_answer_is_cut_at_a_word_to_fit_the_budget_counted_in_UTF16_as_Teams_does(int limit)
    {
        var text = string.Join(" ", Enumerable.Range(0, 3000).Select(i => $"wörd{i} \"quoted\" 😀 [1]"));
        var message = Renderer(limit).Render(Teams, new Answer(text, false, [Cite(1)]), "why?");

        var size = BotFrameworkJson.SerializeToString(message).Length * 2;
        Assert.InRange(size, limit * 3 / 4, limit);
        Assert.Equal(size, MessageSize.Of(message));
        TeamsMessageRules.AssertValid(Json(message), limit);
        Assert.Contains("(https://bot.example.com/chat?q=why%3F)", message.Text);
        var kept = message.Text![..message.Text!.IndexOf("\n\n…", StringComparison.Ordinal)];
        Assert.StartsWith(kept, text);
        Assert.Equal(' ', text[kept.Length]);
    }

    [Fact]
    public void Default_budget_stays_under_the_80_KB_Teams_advises()
    {
        Assert.Equal(80_000, new BotFrameworkOptions().MaxMessageBytes);
        var text = string.Join(" ", Enumerable.Range(0, 20_000).Select(i => $"word{i} [1]"));
        var message = Renderer().Render(Teams, new Answer(text, false, [Cite(1)]), "q");
        TeamsMessageRules.AssertValid(Json(message));
    }

    [Fact]
    public void Cutting_never_leaves_half_a_marker_or_half_a_character()
    {
        Assert.Equal("one two", TextLimits.CutToLength("one two [12] three", 11));
        Assert.Equal("ab", TextLimits.CutToLength("ab😀cd", 3));
        Assert.Equal("", TextLimits.CutToLength("anything", 0));
        Assert.Equal("short", TextLimits.CutToLength("short", 100));
        Assert.Equal("ab…", TextLimits.Truncate("ab😀cd", 4));
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
        Assert.Null(notice.SuggestedActions);
        Assert.Equal("msg-1", notice.ReplyToId);
    }

    [Fact]
    public void Welcome_card_asks_each_example_question_when_tapped()
    {
        var options = new BotFrameworkOptions { WelcomePrompts = ["Who asked the US to arm drones?"] };
        var json = Json(WelcomeCard.Render(Teams, options));

        var attachment = Assert.Single(json["attachments"]!.AsArray())!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment["contentType"]!.GetValue<string>());
        Assert.Equal(options.Greeting, attachment["content"]!["body"]![0]!["text"]!.GetValue<string>());
        var action = Assert.Single(attachment["content"]!["actions"]!.AsArray())!;
        Assert.Equal("Action.Submit", action["type"]!.GetValue<string>());
        Assert.Equal("""{"type":"imBack","value":"Who asked the US to arm drones?"}""", action["data"]!["msteams"]!.ToJsonString());
        Assert.Null(json["entities"]);
    }

    private static IReadOnlyList<Claim> Claims(Activity message)
    {
        var entity = Assert.Single(message.Entities!, e => e.Type == MessageEntity.EntityType);
        return System.Text.Json.JsonSerializer.Deserialize<List<Claim>>(entity.Properties!["citation"], BotFrameworkJson.Options)!;
    }
}
