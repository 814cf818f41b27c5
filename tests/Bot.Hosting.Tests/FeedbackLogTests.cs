using Bot.Core.Answering;
using Bot.Hosting.FeedbackLog;
using Bot.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Hosting.Tests;

/// <summary>The feedback log: in the archive's folder, one JSON line per verdict, read back into the summary.</summary>
public sealed class FeedbackLogTests : IDisposable
{
    private readonly TempDirectory folder = new();

    public void Dispose() => folder.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ServiceProvider Services(Dictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Store:DataDirectory"] = folder.Path })
            .AddInMemoryCollection(settings ?? [])
            .Build();
        return new ServiceCollection().AddLogging().AddNewsArchive(configuration).BuildServiceProvider();
    }

    private static Feedback Verdict(FeedbackReaction reaction, string? text, int minute, string question = "Who asked?") =>
        new("conv-1", $"msg-{minute}", reaction, text, "aad-ada", new DateTimeOffset(2026, 3, 1, 9, minute, 0, TimeSpan.Zero))
        {
            QuestionId = $"q-{minute}",
            Question = question,
            Citations = [new FeedbackCitation(1, "niger01", "Niger asks U.S. to arm drones", "niger01#0")],
        };

    [Fact]
    public async Task Feedback_is_kept_beside_the_archive_not_in_the_working_directory()
    {
        using var services = Services();
        var store = Assert.IsType<JsonLinesFeedbackStore>(services.GetRequiredService<IFeedbackStore>());

        await store.AddAsync(Verdict(FeedbackReaction.Dislike, "Wrong date", 1), Ct);

        Assert.Equal(Path.Combine(folder.Path, "feedback", "feedback.jsonl"), store.FilePath);
        var line = Assert.Single(await File.ReadAllLinesAsync(store.FilePath, Ct));
        Assert.Contains("\"reaction\":\"dislike\"", line);
        Assert.Contains("\"questionId\":\"q-1\"", line);
    }

    [Fact]
    public void Feedback_Folder_moves_it()
    {
        using var services = Services(new() { ["Feedback:Folder"] = folder.File("elsewhere") });
        var store = Assert.IsType<JsonLinesFeedbackStore>(services.GetRequiredService<IFeedbackStore>());
        Assert.Equal(Path.Combine(folder.Path, "elsewhere", "feedback.jsonl"), store.FilePath);
    }

    [Fact]
    public async Task Entries_come_back_as_stored_and_a_line_cut_short_by_a_crash_is_skipped()
    {
        using var services = Services();
        var store = (JsonLinesFeedbackStore)services.GetRequiredService<IFeedbackStore>();
        await store.AddAsync(Verdict(FeedbackReaction.Like, null, 1), Ct);
        await File.AppendAllTextAsync(store.FilePath, "{\"conversationId\":\"conv-1\",\"messageId\":\"msg-", Ct);
        await File.AppendAllTextAsync(store.FilePath, "\n", Ct);
        await store.AddAsync(Verdict(FeedbackReaction.Dislike, "Old story", 2), Ct);

        var entries = new List<Feedback>();
        await foreach (var entry in store.ReadAllAsync(Ct)) entries.Add(entry);

        Assert.Equal(["msg-1", "msg-2"], entries.Select(e => e.MessageId));
        Assert.Equal("Niger asks U.S. to arm drones", entries[1].Citations.Single().Title);
        Assert.Equal(Verdict(FeedbackReaction.Dislike, "Old story", 2).Timestamp, entries[1].Timestamp);
    }

    [Fact]
    public async Task Summary_counts_verdicts_and_lists_recent_comments_and_answers_marked_wrong_newest_first()
    {
        using var services = Services();
        var store = services.GetRequiredService<IFeedbackStore>();
        await store.AddAsync(Verdict(FeedbackReaction.Like, "Spot on", 1), Ct);
        await store.AddAsync(Verdict(FeedbackReaction.Dislike, null, 2, "Who won?"), Ct);
        await store.AddAsync(Verdict(FeedbackReaction.Dislike, "Wrong date", 3, "When?"), Ct);
        await store.AddAsync(Verdict(FeedbackReaction.Like, null, 4), Ct);

        var summary = await FeedbackSummary.BuildAsync(store, recent: 1, Ct);

        Assert.Equal((4, 2, 2), (summary.Total, summary.Likes, summary.Dislikes));
        Assert.Equal((1, 4), (summary.First!.Value.Minute, summary.Last!.Value.Minute));
        Assert.Equal(["Wrong date"], summary.RecentComments.Select(c => c.Text));
        Assert.Equal(["When?"], summary.MarkedWrong.Select(c => c.Question));

        var all = await FeedbackSummary.BuildAsync(store, cancellationToken: Ct);
        Assert.Equal(["Wrong date", "Spot on"], all.RecentComments.Select(c => c.Text));
        Assert.Equal(["When?", "Who won?"], all.MarkedWrong.Select(c => c.Question));
    }

    [Fact]
    public async Task An_empty_log_is_an_empty_summary()
    {
        using var services = Services();
        var summary = await FeedbackSummary.BuildAsync(services.GetRequiredService<IFeedbackStore>(), cancellationToken: Ct);
        Assert.Equal((0, 0, 0, (DateTimeOffset?)null), (summary.Total, summary.Likes, summary.Dislikes, summary.First));
        Assert.Empty(summary.MarkedWrong);
    }
}
