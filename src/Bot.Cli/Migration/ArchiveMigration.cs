using System.Diagnostics;
using Bot.Core.Retrieval;
using Bot.Storage.Sqlite;

namespace Bot.Cli.Migration;

/// <summary>
/// Copies an embedded archive into another store (Qdrant), vectors included, a batch of articles at a time.
/// Before each batch it asks the target for the articles' fingerprints and skips those it already holds, so
/// a run that was interrupted (Ctrl+C, a crash, a server failure) is resumed by running it again; the
/// target's save is idempotent, so a batch cut short is simply written again.
/// </summary>
public sealed class ArchiveMigration(SqliteArchiveStore source, IArchiveStore target, EmbeddingSpace? configuredSpace)
{
    public async Task<MigrationReport> RunAsync(int batchSize, IProgress<MigrationProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var clock = Stopwatch.StartNew();
        var stats = await source.GetStatsAsync(cancellationToken);
        CheckSpace(stats.Space);
        await target.InitializeAsync(stats.Space, cancellationToken);

        int copied = 0, skipped = 0, chunks = 0, vectors = 0;
        progress?.Report(new MigrationProgress(0, stats.Articles, 0, 0, 0, clock.Elapsed));
        await foreach (var batch in source.ExportAsync(batchSize, cancellationToken))
        {
            var held = await target.GetFingerprintsAsync(batch.Select(a => a.Article.Id).ToList(), cancellationToken);
            var missing = batch.Where(a => !held.TryGetValue(a.Article.Id, out var fingerprint) || fingerprint != a.Article.Fingerprint).ToList();
            await target.SaveAsync(missing, cancellationToken);
            copied += missing.Count;
            skipped += batch.Count - missing.Count;
            chunks += missing.Sum(a => a.Chunks.Count);
            vectors += missing.Sum(a => a.Chunks.Sum(c => c.Vectors.Count));
            progress?.Report(new MigrationProgress(copied + skipped, stats.Articles, copied, skipped, chunks, clock.Elapsed));
        }
        return new MigrationReport(source.Description, target.Description, stats.Space, copied, skipped, chunks, vectors, clock.Elapsed);
    }

    /// <summary>Copied vectors are only worth having if the questions of the configured embedder live in their space.</summary>
    private void CheckSpace(EmbeddingSpace? archived)
    {
        if (configuredSpace is null || configuredSpace == archived) return;
        throw new ArchiveException(archived is null
            ? $"The source archive ({source.Description}) has no vectors (it was built without an embedding model), but the embedder " +
              $"'{configuredSpace.ModelId}' is configured: dense search in Qdrant would miss every copied chunk. Migrate without " +
              "Embeddings:ModelPath, or ingest the articles into Qdrant with the embedder instead."
            : $"The source archive ({source.Description}) holds {archived.Dimensions}-d vectors of '{archived.ModelId}', but the configured embedder is " +
              $"'{configuredSpace.ModelId}' ({configuredSpace.Dimensions}-d): vectors of different models cannot be compared. Configure the " +
              "embedder the archive was built with, or ingest the articles into Qdrant with the new one instead.");
    }
}
