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
}
