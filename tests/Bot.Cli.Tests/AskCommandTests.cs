using Bot.Core.Answering;

namespace Bot.Cli.Tests;

public class AskCommandTests
{
    private const string DronesQuestion = "Who asked the United States to arm its drones?";

    [Fact]
    public async Task Ask_json_answers_from_the_ingested_seed_with_verbatim_citations()
    {
        using var cli = new CliRunner();
        await cli.IngestSeedsAsync();

        var answer = await cli.JsonAsync("ask", DronesQuestion, "--json");

        Assert.False(answer.GetProperty("abstained").GetBoolean());
        Assert.Equal("extractive", answer.GetProperty("answerer").GetString());
        Assert.Contains("Kalla Mountari", answer.GetProperty("text").GetString());
        var citations = answer.GetProperty("citations").EnumerateArray().ToList();
        Assert.NotEmpty(citations);
        foreach (var citation in citations)
        {
            var article = await cli.JsonAsync("articles", "show", citation.GetProperty("articleId").GetString()!, "--json");
            var text = article.GetProperty("text").GetString()!;
            var (start, end) = (citation.GetProperty("start").GetInt32(), citation.GetProperty("end").GetInt32());
            Assert.Equal(text[start..end], citation.GetProperty("quote").GetString());
            // Quotes come from the story's body, never its refile note, byline or "NIAMEY (Reuters) - " dateline.
            Assert.True(start >= text.IndexOf("Niger has asked", StringComparison.Ordinal), $"quote at {start} is in the header");
            Assert.Equal("Reuters", citation.GetProperty("source").GetString());
            Assert.Contains($"[{citation.GetProperty("number").GetInt32()}]", answer.GetProperty("text").GetString());
        }
        Assert.Contains(citations, c => c.GetProperty("quote").GetString()!.Contains("Kalla Mountari"));
    }

    [Fact]
    public async Task Ask_abstains_on_a_question_the_archive_does_not_answer()
    {
        using var cli = new CliRunner();
        await cli.IngestSeedsAsync();

        var answer = await cli.JsonAsync("ask", "What is the capital of Australia?", "--json");

        Assert.True(answer.GetProperty("abstained").GetBoolean());
        Assert.Equal(Abstention.Message, answer.GetProperty("text").GetString());
        Assert.Empty(answer.GetProperty("citations").EnumerateArray());
    }

    [Fact]
    public async Task Ask_prints_the_answer_and_numbered_sources()
    {
        using var cli = new CliRunner();
        await cli.IngestSeedsAsync();

        var (exit, output, _) = await cli.RunAsync("ask", DronesQuestion);

        Assert.Equal(0, exit);
        Assert.StartsWith("Niger. \"Niger has asked the United States", output);
        Assert.Contains("Sources:", output);
        Assert.Contains("[1] ", output);
        Assert.Contains("2017-11-01 · Reuters", output);
    }

    [Fact]
    public async Task Ask_filters_restrict_the_sources()
    {
        using var cli = new CliRunner();
        await cli.IngestSeedsAsync();

        var answer = await cli.JsonAsync("ask", DronesQuestion, "--json", "--source", "nobody");

        Assert.True(answer.GetProperty("abstained").GetBoolean());
    }

    [Fact]
    public async Task An_empty_question_is_a_clear_error()
    {
        using var cli = new CliRunner();

        var (exit, _, error) = await cli.RunAsync("ask", "   ");

        Assert.Equal(1, exit);
        Assert.Contains("error: The question is empty.", error);
    }

    [Fact]
    public async Task Chat_keeps_answering_until_an_empty_line()
    {
        using var cli = new CliRunner();
        await cli.IngestSeedsAsync();

        var (exit, output, _) = await cli.RunWithInputAsync(
            "Who asked the United States to arm its drones?\nWhat is the capital of Australia?\n\nWhat is never asked?\n", "chat");

        Assert.Equal(0, exit);
        Assert.Equal(3, output.Split("> ").Length - 1);
        Assert.Contains("Kalla Mountari", output);
        Assert.Contains(Abstention.Message, output);
        Assert.DoesNotContain("never asked", output);
    }
}
