using Bot.Answering.SemanticKernel.Tests.Support;
using Bot.Core.Answering;

namespace Bot.Answering.SemanticKernel.Tests;

public class QueryRewriterTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly ConversationTurn[] History =
    [
        new("What did the Senate pass?", "A budget blueprint [1]."),
        new("Who was killed in Niger?", "Four U.S. soldiers were killed in an ambush [1][2]."),
    ];

    [Fact]
    public async Task Without_history_the_question_is_kept_and_the_model_not_called()
    {
        var model = new ScriptedChatClient();

        var query = (await TestKernel.Rewriter(model).RewriteAsync("What did he say?", [], Ct)).Query;

        Assert.Equal("What did he say?", query);
        Assert.Empty(model.Requests);
    }

    [Fact]
    public async Task A_follow_up_is_rewritten_from_the_recent_turns()
    {
        var model = new ScriptedChatClient().Reply("Who led the patrol ambushed in Niger", " where four U.S. soldiers were killed?\n");

        var query = (await TestKernel.Rewriter(model).RewriteAsync("Who led them?", History, Ct)).Query;

        Assert.Equal("Who led the patrol ambushed in Niger where four U.S. soldiers were killed?", query);
        var prompt = Assert.Single(model.LastMessages).Text;
        Assert.Contains("User: What did the Senate pass?\nBot: A budget blueprint.\nUser: Who was killed in Niger?\nBot: Four U.S. soldiers were killed in an ambush.", prompt);
        Assert.Contains("<question>\nWho led them?\n</question>", prompt);
        Assert.Equal(0f, model.Requests[0].Options?.Temperature);
    }

    [Fact]
    public async Task Only_the_configured_number_of_recent_turns_is_used()
    {
        var model = new ScriptedChatClient().Reply("Who led the Niger patrol?");

        await TestKernel.Rewriter(model, TestKernel.Options(o => o.HistoryTurns = 1)).RewriteAsync("Who led them?", History, Ct);

        var prompt = Assert.Single(model.LastMessages).Text;
        Assert.Contains("Who was killed in Niger?", prompt);
        Assert.DoesNotContain("Senate", prompt);
    }

    [Theory]
    [InlineData("Query: \"Who led the Niger patrol?\"", "Who led the Niger patrol?")]
    [InlineData("\n\n  “Who led the Niger patrol?”  \nBecause the user asked about...", "Who led the Niger patrol?")]
    [InlineData("  \n ", "Who led them?")]
    public async Task The_reply_is_cleaned_to_one_query_or_ignored_when_empty(string reply, string expected)
    {
        var model = new ScriptedChatClient().Reply(reply);

        Assert.Equal(expected, (await TestKernel.Rewriter(model).RewriteAsync("Who led them?", History, Ct)).Query);
    }

    [Fact]
    public async Task When_the_model_fails_the_question_is_searched_as_asked()
    {
        var model = new ScriptedChatClient().Fail(new HttpRequestException("connection refused"));

        Assert.Equal("Who led them?", (await TestKernel.Rewriter(model).RewriteAsync("Who led them?", History, Ct)).Query);
    }

    [Fact]
    public async Task A_caller_who_cancels_is_not_answered_with_a_fallback()
    {
        var model = new ScriptedChatClient().Hang();
        using var cancel = new CancellationTokenSource();
        var rewrite = TestKernel.Rewriter(model).RewriteAsync("Who led them?", History, cancel.Token);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => rewrite);
    }
}
