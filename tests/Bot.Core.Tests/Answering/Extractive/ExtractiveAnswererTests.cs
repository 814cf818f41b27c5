using Bot.Core.Answering;
using Bot.Core.Answering.Extractive;
using Bot.Core.Retrieval;
using static Bot.Core.Tests.Answering.AnswerFixture;

namespace Bot.Core.Tests.Answering.Extractive;

public class ExtractiveAnswererTests
{
    private const string DronesQuestion = "Who asked the United States to arm its drones?";

    [Fact]
    public async Task The_seed_story_answers_who_asked_to_arm_the_drones_niger_first_then_the_defence_minister()
    {
        var answer = await SeedStory.AnswerAsync(DronesQuestion);

        Assert.False(answer.Abstained);
        Assert.Equal(ExtractiveAnswerer.AnswererName, answer.Answerer);
        Assert.Equal("Niger", answer.Short?.Text);
        Assert.StartsWith("Niger. \"Niger has asked the United States", answer.Text);
        Assert.Contains("Kalla Mountari", answer.Text);
        var minister = Assert.Single(answer.Citations, c => c.Quote.Contains("Defence Minister Kalla Mountari"));
        Assert.Equal(SeedStory.Article.Text[minister.Start..minister.End], minister.Quote);
        Assert.Contains($"\"{minister.Quote}\" [{minister.Number}]", answer.Text);
        Assert.InRange(answer.Confidence, ConfidenceModel.DefaultThreshold, 1);
    }

    [Fact]
    public async Task The_seed_story_is_quoted_from_its_lead_on_never_its_refile_note_byline_or_dateline()
    {
        var answer = await SeedStory.AnswerAsync(DronesQuestion, options: new ExtractiveOptions { MaxSentences = 3 });

        var lead = SeedStory.Article.Text.IndexOf("Niger has asked", StringComparison.Ordinal);
        Assert.StartsWith("(This Nov. 1 story refiles", SeedStory.Article.Text);
        Assert.Contains(answer.Citations, c => c.Start == lead && c.Quote.StartsWith("Niger has asked the United States", StringComparison.Ordinal));
        Assert.All(answer.Citations, c => Assert.True(c.Start >= lead, $"\"{c.Quote}\" starts in the header"));
        Assert.True(CitationValidator.Validate(answer, SeedStory.PassagesFor(DronesQuestion)).WasValid);
    }

    [Fact]
    public async Task The_seed_answer_passes_the_citation_validator_unchanged()
    {
        var answer = await SeedStory.AnswerAsync(DronesQuestion);

        var result = CitationValidator.Validate(answer, SeedStory.PassagesFor(DronesQuestion));

        Assert.True(result.WasValid, string.Join("; ", result.Problems));
        Assert.Same(answer, result.Repaired);
    }

    [Fact]
    public async Task A_follow_up_is_answered_from_its_rewritten_query_and_not_from_its_own_words()
    {
        const string followUp = "Who was it?";
        var query = $"{followUp} {DronesQuestion}";
        var passages = SeedStory.PassagesFor(query);
        var history = new[] { new ConversationTurn(DronesQuestion, "Niger asked.") };

        var rewritten = await SeedStory.AnswerAsync(new AnswerContext(followUp, passages, history) { Query = query });
        var alone = await SeedStory.AnswerAsync(new AnswerContext(followUp, passages, history));

        Assert.False(rewritten.Abstained);
        Assert.Contains("Kalla Mountari", rewritten.Text);
        Assert.True(alone.Abstained, alone.Text);
    }

    [Fact]
    public async Task A_follow_ups_own_words_pick_the_sentence_and_the_earlier_turns_words_pick_the_story()
    {
        var passages = new[] { "Katavo", "Lotavo", "Mitavo" }.Select((city, i) => Make($"port-{i}", $"Port of {city} reports a record year",
                $"The port of {city} handled {1000 + 37 * i} containers last year, a record. Harbour master Amara {city}son announced the figure on Monday."))
            .Select(article => PassageOf(article, 0, 0, article.Text.Length)).ToList();
        const string first = "How many containers did the port of Lotavo handle?";
        const string followUp = "Who announced it?";

        var answer = await SeedStory.AnswerAsync(
            new AnswerContext(followUp, passages, [new ConversationTurn(first, "1037")]) { Query = $"{followUp} {first}" },
            new ExtractiveOptions { MinConfidence = 0 });

        Assert.StartsWith("Harbour master Amara Lotavoson announced", answer.Citations[0].Quote);
    }

    [Fact]
    public async Task An_unrelated_question_abstains_without_citations()
    {
        var answer = await SeedStory.AnswerAsync("What is the capital of Australia?");

        Assert.True(answer.Abstained);
        Assert.Equal(Abstention.Message, answer.Text);
        Assert.Empty(answer.Citations);
        Assert.True(CitationValidator.Validate(answer, SeedStory.PassagesFor("What is the capital of Australia?")).WasValid);
    }

    [Fact]
    public async Task No_passages_means_abstaining()
    {
        var answer = await SeedStory.AnswerAsync(DronesQuestion, []);

        Assert.True(answer.Abstained);
        Assert.Empty(answer.Citations);
    }

    [Fact]
    public async Task Streams_the_short_answer_with_the_first_quote_then_one_delta_per_quote_then_one_final_answer()
    {
        var (deltas, finals, all) = await SeedStory.AskAsync(DronesQuestion);

        var final = Assert.Single(finals).Answer;
        Assert.IsType<AnswerFinal>(all[^1]);
        Assert.Equal(final.Citations.Count, deltas.Count);
        Assert.Equal(final.Text, string.Concat(deltas.Select(d => d.Text)));
        Assert.StartsWith("Niger.", deltas[0].Text);
        for (var i = 0; i < deltas.Count; i++)
            Assert.EndsWith($"[{i + 1}]", deltas[i].Text);
    }

    [Fact]
    public async Task An_abstention_streams_its_message()
    {
        var (deltas, finals, _) = await SeedStory.AskAsync("What is the capital of Australia?");

        Assert.Equal(Abstention.Message, Assert.Single(deltas).Text);
        Assert.True(Assert.Single(finals).Answer.Abstained);
    }

    [Fact]
    public async Task Quotes_are_verbatim_at_their_offsets_across_chunks_and_articles()
    {
        var answer = await SeedStory.AnswerAsync("How many militants attacked the patrol near Tongo Tongo?", Passages,
            new ExtractiveOptions { MinConfidence = 0 });

        Assert.False(answer.Abstained);
        Assert.Contains("about 50 militants", answer.Citations[0].Quote);
        Assert.Equal("niger-1-000", answer.Citations[0].ChunkId);
        AssertMeetsContract(answer);
        Assert.True(CitationValidator.Validate(answer, Passages).WasValid);
    }

    [Fact]
    public async Task MaxSentences_caps_the_quotes_and_only_sentences_that_answer_are_quoted()
    {
        var single = await SeedStory.AnswerAsync(DronesQuestion, options: new ExtractiveOptions { MaxSentences = 1 });
        var many = await SeedStory.AnswerAsync(DronesQuestion, options: new ExtractiveOptions { MaxSentences = 3 });

        Assert.Single(single.Citations);
        // Two sentences say who asked (the lead, the minister's own words); no third loosely related one is added.
        Assert.Equal(2, many.Citations.Count);
        Assert.DoesNotContain("The same source adds", many.Text);
    }

    [Fact]
    public async Task A_sentence_with_a_bracketed_footnote_number_is_never_quoted()
    {
        var article = Make("wiki-1", "Tongo Tongo", "Tongo Tongo is a village in Niger.[3] The ambush near Tongo Tongo killed four soldiers.");
        var passage = PassageOf(article, 0, 0, article.Text.Length);

        var answer = await SeedStory.AnswerAsync("What is Tongo Tongo?", [passage], new ExtractiveOptions { MinConfidence = 0 });

        Assert.All(answer.Citations, c => Assert.DoesNotContain("[3]", c.Quote));
        Assert.True(CitationValidator.Validate(answer, [passage]).WasValid);
    }

    [Fact]
    public async Task A_sentence_repeated_by_overlapping_chunks_is_quoted_once()
    {
        var overlapping = new List<Passage>
        {
            PassageOf(Niger, 0, 0, Niger.Text.IndexOf("Officials", StringComparison.Ordinal)),
            PassageOf(Niger, 1, Niger.Text.IndexOf("The patrol", StringComparison.Ordinal), Niger.Text.Length),
        };

        var answer = await SeedStory.AnswerAsync("Which village did the militants attack the patrol near?", overlapping,
            new ExtractiveOptions { MinConfidence = 0 });

        Assert.Equal(answer.Citations.Count, answer.Citations.Select(c => c.Start).Distinct().Count());
        Assert.Equal("niger-1-000", answer.Citations.First(c => c.Quote.Contains("Tongo Tongo")).ChunkId);
    }

    [Theory]
    [InlineData(-0.1, 3)]
    [InlineData(1.5, 3)]
    [InlineData(0.4, 0)]
    [InlineData(0.4, 11)]
    public void Bad_options_are_refused_with_the_setting_named(double minConfidence, int maxSentences)
    {
        var options = new ExtractiveOptions { MinConfidence = minConfidence, MaxSentences = maxSentences };

        var error = Assert.ThrowsAny<ArgumentOutOfRangeException>(() => SeedStory.Answerer(options));

        Assert.Contains("Answering:", error.Message);
    }
}
