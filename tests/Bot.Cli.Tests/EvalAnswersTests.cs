using System.Text.Json;
using System.Text.Json.Nodes;
using Bot.Testing;

namespace Bot.Cli.Tests;

public class EvalAnswersTests
{
    /// <summary>The first two Wikipedia articles of SQuAD-half, so the test stays quick.</summary>
    private static string Subset(TempDirectory folder)
    {
        var squad = JsonNode.Parse(File.ReadAllText(SharedData.SquadHalf))!;
        var data = squad["data"]!.AsArray();
        var subset = new JsonObject { ["version"] = "v2.0", ["data"] = new JsonArray(data[0]!.DeepClone(), data[1]!.DeepClone()) };
        var path = folder.File("squad-subset.json");
        File.WriteAllText(path, subset.ToJsonString());
        return path;
    }

    [Fact]
    public async Task Eval_answers_reports_the_metrics_and_curve_above_a_floor_with_no_citation_failures()
    {
        using var folder = new TempDirectory();
        var path = Subset(folder);
        using var cli = new CliRunner();

        var result = await cli.JsonAsync("eval", "answers", "--squad", path, "--json", "--curve");

        foreach (var key in new[] { "answerable", "containment", "unanswerable", "abstention", "falseAbstention", "overall", "citationFailures" })
            Assert.True(result.TryGetProperty(key, out _), key);
        Assert.Equal(0, result.GetProperty("citationFailures").GetInt32());
        Assert.True(result.GetProperty("answerable").GetInt32() > 100);
        var curve = result.GetProperty("curve").EnumerateArray().ToList();
        Assert.Equal(0, curve[0].GetProperty("threshold").GetDouble());
        // Floors well under the full-set numbers (never abstaining 0.84, default overall 0.62), so only a real regression fails.
        Assert.True(curve[0].GetProperty("containment").GetDouble() >= 0.70, "never-abstain containment");
        Assert.True(result.GetProperty("overall").GetDouble() >= 0.55, "overall at the default threshold");
        Assert.Equal(1, curve[^1].GetProperty("abstention").GetDouble());
    }

    [Fact]
    public async Task A_missing_squad_file_is_a_clear_error()
    {
        using var cli = new CliRunner();

        var (exit, _, error) = await cli.RunAsync("eval", "answers", "--squad", "/nonexistent/squad.json");

        Assert.Equal(1, exit);
        Assert.Contains("SQuAD file not found", error);
    }

    [Fact]
    public async Task Eval_answers_on_the_news_questions_reports_every_metric_above_a_floor()
    {
        var isot = SharedData.IsotSample;
        using var cli = new CliRunner();
        var questions = Path.Combine(SharedData.RepositoryRoot, "eval", "news-questions.jsonl");

        var result = await cli.JsonAsync("eval", "answers", "--questions", questions,
            "--csv", Path.Combine(isot, "True_sample_1500.csv"), Path.Combine(isot, "true_small_1000.csv"), Path.Combine(SharedData.RepositoryRoot, "seeds"),
            "--json");

        foreach (var key in new[] { "answered", "containment", "rightArticle", "supportQuoted", "shortAnswerMatch", "abstention", "followUpContainment", "overall", "latencyMs" })
            Assert.True(result.TryGetProperty(key, out _), key);
        Assert.True(result.GetProperty("questions").GetInt32() >= 300);
        Assert.True(result.GetProperty("followUps").GetInt32() >= 30);
        Assert.Equal(0, result.GetProperty("citationFailures").GetInt32());
        // Floors well under the measured numbers (docs/answers.md), so only a real regression fails.
        Assert.True(result.GetProperty("answered").GetDouble() >= 0.65, "answered");
        Assert.True(result.GetProperty("containment").GetDouble() >= 0.55, "containment");
        Assert.True(result.GetProperty("rightArticle").GetDouble() >= 0.80, "right article");
        Assert.True(result.GetProperty("shortAnswerMatch").GetDouble() >= 0.35, "short answers");
        Assert.True(result.GetProperty("abstention").GetDouble() >= 0.40, "abstention");
    }

    [Fact]
    public async Task A_question_file_with_a_broken_line_is_a_clear_error_naming_the_line()
    {
        using var folder = new TempDirectory();
        var questions = folder.File("questions.jsonl");
        File.WriteAllText(questions, """
            {"id":"q1","question":"Who asked the United States to arm its drones?","answers":["Niger"],"title":"Niger"}
            {"id":"q2","question":"When was the ambush?",
            """);
        using var cli = new CliRunner();

        var (exit, _, error) = await cli.RunAsync("eval", "answers", "--questions", questions, "--csv", Path.Combine(SharedData.RepositoryRoot, "seeds"));

        Assert.Equal(1, exit);
        Assert.Contains("questions.jsonl:2", error);
    }

    [Fact]
    public async Task A_question_file_answered_from_an_existing_archive_reports_its_follow_ups()
    {
        using var folder = new TempDirectory();
        var questions = folder.File("questions.jsonl");
        const string title = "Niger has asked the United States to start using armed drones against jihadist groups…";
        File.WriteAllLines(questions,
        [
            $$"""{"id":"q1","question":"Who asked the United States to arm its drones?","kind":"who","answers":["Niger","Kalla Mountari"],"title":"{{title}}"}""",
            $$"""{"id":"q2","question":"What did he say about the ambush?","kind":"said","answers":["Mountari said"],"title":"{{title}}","after":"q1"}""",
            $$"""{"id":"q3","question":"How old is Kalla Mountari?","kind":"how-many","unanswerable":true,"title":"{{title}}"}""",
        ]);
        using var cli = new CliRunner();
        await cli.IngestSeedsAsync();

        var result = await cli.JsonAsync("eval", "answers", "--questions", questions, "--json");

        Assert.Equal(3, result.GetProperty("questions").GetInt32());
        Assert.Equal(1, result.GetProperty("followUps").GetInt32());
        Assert.Equal(1, result.GetProperty("unanswerable").GetInt32());
        Assert.Equal(1.0, result.GetProperty("rightArticle").GetDouble());
        Assert.Equal(1.0, result.GetProperty("followUpContainment").GetDouble());
    }
}
