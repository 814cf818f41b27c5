using System.Text.Json;
using Bot.Cli.Diagnostics;
using Bot.Core.Ingestion;
using Bot.Testing;
using Bot.Testing.Processes;

namespace Bot.Cli.Tests.Crash;

/// <summary>
/// The real CLI ingests the ISOT sample in a child process and is killed (SIGKILL) at named moments: while
/// parsing, while embedding, inside a batch's commit, between batches. After every kill the archive opens and
/// holds only whole articles (see <see cref="ArchiveSnapshot"/>), each identical to a clean ingest's; each run
/// resumes where the last stopped, and the last one ends with exactly the clean ingest's archive and counts.
/// </summary>
/// <remarks>
/// The moments are reached deterministically through the CLI's test hook (<see cref="PauseAtMoment"/>): the
/// process announces it is holding still at the moment, and the test kills it from outside.
/// </remarks>
public sealed class KillDuringIngestTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(4);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Twelve kills; each run resumes, so batch numbers count from the first batch still to do.</summary>
    private static readonly (IngestMoment Moment, int Occurrence)[] LexicalKills =
    [
        (IngestMoment.ArticleRead, 1), (IngestMoment.ArticleRead, 1500), (IngestMoment.Committing, 1),
        (IngestMoment.BatchCommitted, 1), (IngestMoment.Committing, 3), (IngestMoment.BatchCommitted, 4),
        (IngestMoment.ArticleRead, 2400), (IngestMoment.Committing, 6), (IngestMoment.BatchCommitted, 8),
        (IngestMoment.Committing, 5), (IngestMoment.BatchCommitted, 6), (IngestMoment.Committing, 7),
    ];

    private static readonly (IngestMoment Moment, int Occurrence)[] EmbeddingKills =
    [
        (IngestMoment.Embedding, 1), (IngestMoment.Committing, 2), (IngestMoment.Embedding, 2), (IngestMoment.BatchCommitted, 2),
    ];

    [Fact]
    public async Task An_ingest_of_the_isot_sample_killed_at_twelve_moments_loses_nothing_and_ends_as_a_clean_one()
    {
        await KillAndResumeAsync(SharedData.IsotSample, new Dictionary<string, string>(), LexicalKills, vectors: false);
    }

    [Fact]
    public async Task An_ingest_with_sentence_embeddings_killed_while_embedding_and_committing_loses_nothing()
    {
        var settings = new Dictionary<string, string>
        {
            ["Embeddings:ModelPath"] = SharedData.UseLiteModel,
            ["Ingest:BatchSize"] = "3",
        };
        var sample = Path.Combine(SharedData.IsotSample, "manual_testing_last10_each.csv");
        await KillAndResumeAsync(sample, settings, EmbeddingKills, vectors: true);
    }

    private static async Task KillAndResumeAsync(string input, Dictionary<string, string> settings, (IngestMoment Moment, int Occurrence)[] kills, bool vectors)
    {
        using var clean = new TempDirectory();
        using var killed = new TempDirectory();
        var cleanReport = await IngestAsync(input, clean.Path, settings);
        var reference = ArchiveSnapshot.ReadAndCheck(clean.Path, vectors);
        Assert.True(reference.Articles > 0);

        var stored = 0L;
        foreach (var (moment, occurrence) in kills)
        {
            await using (var bot = new ChildProcess("bot", ["ingest", input, "--data", killed.Path, "--json"],
                             new Dictionary<string, string>(settings) { [PauseAtMoment.Variable] = $"{moment}:{occurrence}" }))
            {
                var paused = await bot.WaitForLineAsync(line => line == $"paused at {moment} {occurrence}", Patience, Ct);
                Assert.True(paused is not null, $"the ingest ended before {moment} {occurrence}: {bot.AllOutput}");
                bot.Kill();
            }

            var snapshot = ArchiveSnapshot.ReadAndCheck(killed.Path, vectors);
            foreach (var (id, fingerprint) in snapshot.Fingerprints)
                Assert.Equal(reference.Fingerprints.GetValueOrDefault(id), fingerprint);
            Assert.True(snapshot.Articles >= stored, $"killed at {moment} {occurrence}, the archive lost articles: {snapshot.Articles} < {stored}");
            stored = snapshot.Articles;
            if (snapshot != ArchiveSnapshot.Empty) await AssertStatsAsync(killed.Path, settings, snapshot);
            TestContext.Current.TestOutputHelper?.WriteLine($"killed at {moment} {occurrence}: {snapshot.Articles} whole articles, {snapshot.Chunks} chunks");
        }
        Assert.InRange(stored, 1, reference.Articles - 1); // the kills fell both after some commits and before the last

        var resumed = await IngestAsync(input, killed.Path, settings);
        var final = ArchiveSnapshot.ReadAndCheck(killed.Path, vectors);
        Assert.Equal((reference.Articles, reference.Chunks, reference.ChunksWithVectors), (final.Articles, final.Chunks, final.ChunksWithVectors));
        Assert.Equal(reference.Fingerprints.OrderBy(p => p.Key), final.Fingerprints.OrderBy(p => p.Key));
        Assert.Equal(reference.ChunkDigest, final.ChunkDigest);
        Assert.Equal(reference.TermDigest, final.TermDigest);
        Assert.Equal(Count(cleanReport, "added"), Count(resumed, "added") + Count(resumed, "unchanged"));
        Assert.Equal(stored, Count(resumed, "unchanged"));
        Assert.Equal(Count(cleanReport, "failed"), Count(resumed, "failed"));
        Assert.Equal(cleanReport.GetProperty("duplicates").GetArrayLength(), resumed.GetProperty("duplicates").GetArrayLength());
        await AssertStatsAsync(killed.Path, settings, final);
    }

    private static async Task<JsonElement> IngestAsync(string input, string data, IReadOnlyDictionary<string, string> settings)
    {
        using var bot = new BotProcess(settings);
        return await bot.JsonAsync("ingest", input, "--data", data, "--json");
    }

    /// <summary>The CLI's own stats command opens the killed archive and counts what the snapshot counted.</summary>
    private static async Task AssertStatsAsync(string data, IReadOnlyDictionary<string, string> settings, ArchiveSnapshot snapshot)
    {
        using var bot = new BotProcess(settings);
        var stats = (await bot.JsonAsync("stats", "--data", data, "--json")).GetProperty("stats");
        Assert.Equal((snapshot.Articles, snapshot.Chunks, snapshot.ChunksWithVectors),
            (stats.GetProperty("articles").GetInt64(), stats.GetProperty("chunks").GetInt64(), stats.GetProperty("chunksWithVectors").GetInt64()));
    }

    private static int Count(JsonElement report, string name) => report.GetProperty(name).GetInt32();
}
