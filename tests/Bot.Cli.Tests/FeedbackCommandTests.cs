using Bot.Core.Answering;
using Bot.Hosting.FeedbackLog;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Bot.Cli.Tests;

public sealed class FeedbackCommandTests
{
    private static async Task WriteAsync(string dataDirectory, params Feedback[] entries)
    {
        // The log where the web host keeps it: feedback/feedback.jsonl in the archive folder.
        var store = new JsonLinesFeedbackStore(Options.Create(new FeedbackOptions { Folder = Path.Combine(dataDirectory, "feedback") }),
            NullLogger<JsonLinesFeedbackStore>.Instance);
        foreach (var entry in entries) await store.AddAsync(entry, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Feedback_prints_counts_answers_marked_wrong_with_their_sources_and_recent_comments()
    {
        using var cli = new CliRunner();
        var at = new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
        await WriteAsync(cli.DataDirectory,
            new Feedback("c", "m1", FeedbackReaction.Like, "Spot on", "u", at),
            new Feedback("c", "m2", FeedbackReaction.Dislike, "Wrong year", "u", at.AddDays(1))
            {
                Question = "When did Niger ask?",
                Citations = [new FeedbackCitation(1, "niger01", "Niger asks U.S. to arm drones", "niger01#0")],
            });

        var (exit, output, error) = await cli.RunAsync("feedback");

        Assert.True(exit == 0, error);
        Assert.Contains("feedback: 2 (1 👍, 1 👎), 2026-03-01 to 2026-03-02", output);
        Assert.Contains("- 2026-03-02 \"When did Niger ask?\" — Wrong year\n    [1] Niger asks U.S. to arm drones · niger01", output.ReplaceLineEndings("\n"));
        Assert.Contains("👍 Spot on", output);

        var json = await cli.JsonAsync("feedback", "--json", "--recent", "1");
        Assert.Equal(2, json.GetProperty("total").GetInt32());
        Assert.Equal("Wrong year", json.GetProperty("recentComments")[0].GetProperty("text").GetString());
        Assert.Equal(1, json.GetProperty("recentComments").GetArrayLength());
    }

    [Fact]
    public async Task An_archive_without_feedback_says_so()
    {
        using var cli = new CliRunner();
        var (exit, output, _) = await cli.RunAsync("feedback");
        Assert.Equal(0, exit);
        Assert.Equal("feedback: 0 (0 👍, 0 👎)", output.Trim());
    }

    [Fact]
    public async Task A_negative_count_is_a_clear_error()
    {
        using var cli = new CliRunner();
        var (exit, _, error) = await cli.RunAsync("feedback", "--recent", "-1");
        Assert.Equal(1, exit);
        Assert.Contains("--recent must be between 0 and 1000", error);
    }
}
