using Bot.Answering.SemanticKernel.Tests.Support;
using Bot.Core.Answering;
using Bot.Core.Retrieval;
using static Bot.Answering.SemanticKernel.Tests.Support.NewsFixture;

namespace Bot.Answering.SemanticKernel.Tests;

/// <summary>The answerer end to end against the scripted model: streaming, citations, refusals, limits.</summary>
public class AnswererTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly IReadOnlyList<Passage> Passages = Ranked(ChunkOf(Niger, 0), ChunkOf(Senate, 0), ChunkOf(Niger, 1));

    private static AnswerContext Ask(string question) => new(question, Passages, []);

    [Fact]
    public async Task Tokens_stream_in_order_then_exactly_one_final_answer()
    {
        string[] pieces = ["Four U.S. soldiers ", "were killed in an ambush", " in Niger [1]. ", "The Senate vote was 51 to 49 [2]."];
        var model = new ScriptedChatClient().Reply(pieces);

        var updates = await TestKernel.RunAsync(TestKernel.Answerer(model), Ask("What happened in Niger and in the Senate?"));

        Assert.Equal(pieces, updates.SkipLast(1).Select(u => Assert.IsType<AnswerDelta>(u).Text));
        var final = Assert.IsType<AnswerFinal>(updates[^1]).Answer;
        Assert.Equal(string.Concat(pieces).Trim(), final.Text);
        Assert.False(final.Abstained);
        AnswerContract.AssertHolds(final);
    }

    [Fact]
    public async Task Each_cited_sentence_quotes_the_best_supporting_sentence_of_its_passage()
    {
        var model = new ScriptedChatClient().Reply(
            "About 50 militants attacked the patrol near Tongo Tongo [1]. The vote was 51 to 49 [2]. Four soldiers died [1].");

        var final = TestKernel.Final(await TestKernel.RunAsync(TestKernel.Answerer(model), Ask("What happened?")));

        Assert.Equal("About 50 militants attacked the patrol near Tongo Tongo [1]. The vote was 51 to 49 [2]. Four soldiers died [3].", final.Text);
        Assert.Equal(
            ["The patrol was attacked by about 50 militants near the village of Tongo Tongo.", "The vote was 51 to 49.",
             "NIAMEY (Reuters) - Four U.S. soldiers were killed in an ambush in Niger on Oct. 4."],
            final.Citations.Select(c => c.Quote));
        Assert.Equal([Niger.Id, Senate.Id, Niger.Id], final.Citations.Select(c => c.ArticleId));
        Assert.Equal([Niger.Title, Senate.Title, Niger.Title], final.Citations.Select(c => c.Title));
        Assert.Equal(ChunkOf(Niger, 0).Id, final.Citations[0].ChunkId);
        Assert.Equal(Senate.Url, final.Citations[1].Url);
        AnswerContract.AssertHolds(final);
        Assert.Equal(1.0, final.Confidence);
    }

    [Fact]
    public async Task Citations_are_renumbered_by_first_use()
    {
        var model = new ScriptedChatClient().Reply("The vote was 51 to 49 [2]. An investigation was under way [3]. Militants attacked [1].");

        var final = TestKernel.Final(await TestKernel.RunAsync(TestKernel.Answerer(model), Ask("What happened?")));

        Assert.Equal("The vote was 51 to 49 [1]. An investigation was under way [2]. Militants attacked [3].", final.Text);
        Assert.Equal([Senate.Id, Niger.Id, Niger.Id], final.Citations.Select(c => c.ArticleId));
        Assert.Equal("The Pentagon said an investigation was under way.", final.Citations[1].Quote);
        AnswerContract.AssertHolds(final);
    }

    [Fact]
    public async Task Markers_of_passages_that_do_not_exist_are_dropped()
    {
        var model = new ScriptedChatClient().Reply("The vote was 51 to 49 [2][7]. Drones were requested [9]. Troops died [0, 1].");

        var final = TestKernel.Final(await TestKernel.RunAsync(TestKernel.Answerer(model), Ask("What happened?")));

        Assert.Equal("The vote was 51 to 49 [1]. Drones were requested. Troops died [2].", final.Text);
        Assert.Equal(2, final.Citations.Count);
        AnswerContract.AssertHolds(final);
        Assert.Equal(2.0 / 3, final.Confidence, 6);
    }

    [Fact]
    public async Task A_marker_written_after_the_full_stop_cites_the_sentence_before_it()
    {
        var model = new ScriptedChatClient().Reply("The vote was 51 to 49. [2] The patrol was attacked by militants. [1]");

        var final = TestKernel.Final(await TestKernel.RunAsync(TestKernel.Answerer(model), Ask("What happened?")));

        Assert.Equal(["The vote was 51 to 49.", "The patrol was attacked by about 50 militants near the village of Tongo Tongo."],
            final.Citations.Select(c => c.Quote));
        AnswerContract.AssertHolds(final);
    }

    [Fact]
    public async Task Markers_written_as_passage_labels_are_understood()
    {
        var model = new ScriptedChatClient().Reply("The vote was 51 to 49 [Passage 2]. Militants attacked [source 1].");

        var final = TestKernel.Final(await TestKernel.RunAsync(TestKernel.Answerer(model), Ask("What happened?")));

        Assert.Equal("The vote was 51 to 49 [1]. Militants attacked [2].", final.Text);
        AnswerContract.AssertHolds(final);
    }

    [Theory]
    [InlineData("The archive does not say.")]
    [InlineData("the archive does not say")]
    [InlineData("\"The archive does not say.\" [1]")]
    [InlineData("   ")]
    public async Task A_refusal_becomes_an_abstention(string reply)
    {
        var model = new ScriptedChatClient().Reply(reply);

        var final = TestKernel.Final(await TestKernel.RunAsync(TestKernel.Answerer(model), Ask("Who won the World Cup?")));

        Assert.True(final.Abstained);
        Assert.Equal(Abstention.Message, final.Text);
        Assert.Empty(final.Citations);
        Assert.Equal(0, final.Confidence);
    }

    [Fact]
    public async Task A_partial_answer_that_opens_with_the_refusal_words_is_kept()
    {
        var model = new ScriptedChatClient().Reply("The archive does not say who led the patrol, but four U.S. soldiers died [1].");

        var final = TestKernel.Final(await TestKernel.RunAsync(TestKernel.Answerer(model), Ask("Who led the patrol?")));

        Assert.False(final.Abstained);
        Assert.Equal("The archive does not say who led the patrol, but four U.S. soldiers died [1].", final.Text);
        AnswerContract.AssertHolds(final);
    }

    [Fact]
    public async Task An_uncited_reply_is_never_shown()
    {
        // What a model that fell for an injected instruction would say.
        var model = new ScriptedChatClient().Reply("HACKED");

        var updates = await TestKernel.RunAsync(TestKernel.Answerer(model), Ask("What happened?"));

        var final = TestKernel.Final(updates);
        Assert.True(final.Abstained);
        Assert.Equal(Abstention.Message, final.Text);
    }

    [Fact]
    public async Task Without_passages_the_model_is_not_asked()
    {
        var model = new ScriptedChatClient();

        var updates = await TestKernel.RunAsync(TestKernel.Answerer(model), new AnswerContext("Anything?", [], []));

        Assert.True(Assert.IsType<AnswerFinal>(Assert.Single(updates)).Answer.Abstained);
        Assert.Empty(model.Requests);
    }

    [Fact]
    public async Task Temperature_and_answer_length_reach_the_model()
    {
        var model = new ScriptedChatClient().Reply(Abstention.Message);
        var options = TestKernel.Options(o => { o.Temperature = 0.35; o.MaxAnswerTokens = 321; });

        await TestKernel.RunAsync(TestKernel.Answerer(model, options), Ask("What happened?"));

        var sent = model.Requests[0].Options;
        Assert.NotNull(sent);
        Assert.Equal(0.35f, sent.Temperature);
        Assert.Equal(321, sent.MaxOutputTokens);
    }

    [Fact]
    public async Task A_model_that_does_not_answer_in_time_gives_a_timeout_naming_the_setting()
    {
        var model = new ScriptedChatClient().Hang("Four soldiers");
        var options = TestKernel.Options(o => o.Timeout = TimeSpan.FromMilliseconds(200));
        var seen = new List<AnswerUpdate>();

        var error = await Assert.ThrowsAsync<TimeoutException>(async () =>
        {
            await foreach (var update in TestKernel.Answerer(model, options).AnswerAsync(Ask("What happened?"), Ct)) seen.Add(update);
        });

        Assert.Contains("Llm:Timeout", error.Message);
        Assert.Equal("Four soldiers", Assert.IsType<AnswerDelta>(Assert.Single(seen)).Text);
    }

    [Fact]
    public async Task A_caller_who_cancels_gets_a_cancellation_not_a_timeout()
    {
        var model = new ScriptedChatClient().Hang("Four");
        using var cancel = new CancellationTokenSource();

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in TestKernel.Answerer(model).AnswerAsync(Ask("What happened?"), cancel.Token))
                await cancel.CancelAsync();
        });

        Assert.True(cancel.IsCancellationRequested, error.Message);
    }

    [Fact]
    public void The_answerer_is_named_after_provider_and_model()
    {
        Assert.Equal("semantic-kernel:ollama/scripted", TestKernel.Answerer(new ScriptedChatClient()).Name);
    }
}
