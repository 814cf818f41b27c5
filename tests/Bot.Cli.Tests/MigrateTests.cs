using Bot.Cli.Migration;
using Bot.Core.Retrieval;
using Bot.Storage.Qdrant;
using Bot.Storage.Sqlite;
using Bot.Testing;
using Bot.Testing.Qdrant;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Qdrant.Client.Grpc;

namespace Bot.Cli.Tests;

/// <summary>Copying an embedded archive into Qdrant (the contract-checking fake): vectors carried, resumable, refusing what cannot work.</summary>
public sealed class MigrateTests : IAsyncLifetime
{
    private const int Articles = 7;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly TempDirectory folder = new();
    private FakeQdrantServer server = null!;
    private SqliteArchiveStore source = null!;

    public async ValueTask InitializeAsync()
    {
        server = FakeQdrantServer.Start(QdrantContract.Load());
        source = new SqliteArchiveStore(Options.Create(new SqliteArchiveOptions { DataDirectory = folder.Path }));
        await source.InitializeAsync(SampleArchive.Space, Ct);
        await source.SaveAsync([.. Enumerable.Range(0, Articles).Select(i => SampleArchive.Indexed(SampleArchive.Article($"story{i:D3}", $"Story {i}",
            [$"Drones flew over region {i} at dawn", $"Officials in city {i} met the press"], new DateTimeOffset(2017, 1, 1 + i, 0, 0, 0, TimeSpan.Zero))))], Ct);
    }

    public async ValueTask DisposeAsync()
    {
        var violations = server.Violations.ToList();
        await server.DisposeAsync();
        SqliteConnection.ClearAllPools();
        folder.Dispose();
        Assert.Empty(violations);
    }

    private QdrantArchiveStore Target() => new(Options.Create(new QdrantOptions { Url = server.Url }));

    private BotProcess Bot(string provider = "qdrant") =>
        new(new Dictionary<string, string> { ["Store:Provider"] = provider, ["Qdrant:Url"] = server.Url.ToString() });

    [Fact]
    public async Task A_run_interrupted_after_its_first_batch_is_resumed_without_copying_anything_twice()
    {
        var target = Target();
        var migration = new ArchiveMigration(source, target, configuredSpace: SampleArchive.Space);
        using var interrupt = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            migration.RunAsync(batchSize: 3, new CancelAfterFirstBatch(interrupt), interrupt.Token));
        Assert.Equal(3, (await target.GetStatsAsync(Ct)).Articles);

        var mark = server.Calls.Count;
        var report = await migration.RunAsync(batchSize: 3, cancellationToken: Ct);

        Assert.Equal((4, 3, 8, 8), (report.Copied, report.Skipped, report.Chunks, report.Vectors));
        var uploadedAgain = server.Calls.Skip(mark).Select(c => c.Request).OfType<UpsertPoints>()
            .SelectMany(u => u.Points).Select(p => p.Payload["article_id"].StringValue).ToHashSet();
        Assert.DoesNotContain("story000", uploadedAgain);
        Assert.DoesNotContain("story002", uploadedAgain);
        Assert.Contains("story006", uploadedAgain);
        await AssertSameArchiveAsync(target);
    }

    [Fact]
    public async Task The_command_copies_with_vectors_and_a_second_run_finds_everything_there()
    {
        using var bot = Bot();

        var first = await bot.JsonAsync("migrate", "--from", folder.Path, "--batch", "2", "--json");
        var (exit, output, progress) = await bot.RunAsync("migrate", "--from", folder.Path);

        Assert.Equal((Articles, 0, 2 * Articles), (first.GetProperty("copied").GetInt32(), first.GetProperty("skipped").GetInt32(), first.GetProperty("vectors").GetInt32()));
        Assert.Equal("test-bow", first.GetProperty("space").GetProperty("modelId").GetString());
        Assert.Equal(0, exit);
        Assert.Contains($"0 articles copied, {Articles} already there", output);
        Assert.Contains($"migrating: {Articles}/{Articles} articles (0 copied, {Articles} already there)", progress); // plain lines when redirected
        var stats = (await bot.JsonAsync("stats", "--json")).GetProperty("stats");
        Assert.Equal((Articles, 2 * Articles), (stats.GetProperty("articles").GetInt32(), stats.GetProperty("chunksWithVectors").GetInt32()));
        var search = await bot.JsonAsync("search", "officials city 4 press", "--json");
        Assert.Equal("story004", search.GetProperty("passages")[0].GetProperty("article").GetProperty("id").GetString());
        await AssertSameArchiveAsync(Target());
    }

    [Fact]
    public async Task A_collection_of_another_model_is_refused_before_anything_is_copied()
    {
        await Target().InitializeAsync(new EmbeddingSpace("model-a", SampleArchive.Space.Dimensions), Ct);
        using var bot = Bot();

        var (exit, _, error) = await bot.RunAsync("migrate", "--from", folder.Path);

        Assert.Equal(1, exit);
        Assert.Contains("holds vectors of the model 'model-a', not 'test-bow'", error);
        Assert.Equal(0, (await Target().GetStatsAsync(Ct)).Articles);
    }

    [Theory]
    [InlineData("other-model", 16, "holds 16-d vectors of 'test-bow', but the configured embedder is 'other-model'")]
    [InlineData("test-bow", 32, "but the configured embedder is 'test-bow' (32-d)")]
    public async Task A_configured_embedder_of_another_space_is_refused(string model, int dimensions, string expected)
    {
        var migration = new ArchiveMigration(source, Target(), new EmbeddingSpace(model, dimensions));
        var error = await Assert.ThrowsAsync<ArchiveException>(() => migration.RunAsync(10, cancellationToken: Ct));
        Assert.Contains(expected, error.Message);
        Assert.Null(server.Engine.Collection("news"));
    }

    [Theory]
    [InlineData("sqlite", true, "migrate copies into Qdrant: set Store:Provider=qdrant")]
    [InlineData("qdrant", false, "No embedded archive at")]
    public async Task Wrong_target_or_source_is_a_clear_error(string provider, bool sourceExists, string expected)
    {
        using var bot = Bot(provider);
        var (exit, _, error) = await bot.RunAsync("migrate", "--from", sourceExists ? folder.Path : folder.File("missing"));
        Assert.Equal(1, exit);
        Assert.Contains(expected, error);
    }

    /// <summary>Every article, chunk and vector of the source is in the target, and dense search finds alike.</summary>
    private async Task AssertSameArchiveAsync(IArchiveStore target)
    {
        var stats = await target.GetStatsAsync(Ct);
        Assert.Equal((Articles, 2L * Articles, 2L * Articles, SampleArchive.Space), (stats.Articles, stats.Chunks, stats.ChunksWithVectors, stats.Space));
        for (var i = 0; i < Articles; i++)
            Assert.Equivalent(await source.GetArticleAsync($"story{i:D3}", Ct), await target.GetArticleAsync($"story{i:D3}", Ct), strict: true);
        // The other articles' dawn sentences tie with each other, so only the best one is compared.
        var query = SampleArchive.Query("drones flew over region 5 at dawn", SearchMode.Dense, top: 1, maxPerArticle: 0);
        var (embedded, copied) = ((await source.SearchAsync(query, Ct)).Single(), (await target.SearchAsync(query, Ct)).Single());
        Assert.Equal(("story005-000", embedded.Chunk), (copied.Chunk.Id, copied.Chunk));
        Assert.Equal(embedded.Score, copied.Score, 0.001);
    }

    /// <summary>Cancels synchronously once the first batch is reported, as Ctrl+C between two batches would.</summary>
    private sealed class CancelAfterFirstBatch(CancellationTokenSource interrupt) : IProgress<MigrationProgress>
    {
        public void Report(MigrationProgress value)
        {
            if (value.Done > 0) interrupt.Cancel();
        }
    }
}
