using Bot.Core.Retrieval;
using Bot.Storage.Qdrant.Connection;
using Bot.Storage.Qdrant.Setup;
using Qdrant.Client.Grpc;
using static Qdrant.Client.Grpc.Conditions;

namespace Bot.Storage.Qdrant.Writing;

/// <summary>
/// Saves articles in groups of whole articles (at most <see cref="QdrantOptions.BatchSize"/> chunk
/// points and <see cref="MaxRequestBytes"/> per request), a few groups in flight at once; each call is retried on
/// its own (<see cref="QdrantCalls"/>), which is safe because every step is idempotent.
/// Each group is written in three steps, in this order:
/// <list type="number">
/// <item>upsert the chunk points (fixed ids, so an unchanged chunk is overwritten in place);</item>
/// <item>delete the group's chunk points whose fingerprint is not the new one (left-overs of a longer
/// earlier version);</item>
/// <item>upsert the article points, which carry the fingerprint that re-ingest compares.</item>
/// </list>
/// The article point is the commit marker: until step 3 succeeds, GetFingerprints still reports the
/// old fingerprint (or none), so a crash anywhere before it makes the next ingest run save the article
/// again, which repeats all three idempotent steps and repairs it. Deleting the old points first
/// instead would leave an article without chunks after a crash, and its unchanged fingerprint would
/// hide the loss from the next run. Qdrant has no transactions: while a group is in flight a reader
/// may briefly see new chunks next to an old article point or a stale extra chunk.
/// </summary>
internal sealed class ArticleWriter(QdrantCalls calls, QdrantOptions options, PointFactory points)
{
    /// <summary>
    /// Qdrant's gRPC API takes messages of any size, but a retried attempt sends its whole batch again and must fit
    /// <see cref="QdrantOptions.Timeout"/>: requests stay at half the REST API's 32 MiB limit.
    /// </summary>
    internal const long MaxRequestBytes = 16L * 1024 * 1024;

    public async Task SaveAsync(IReadOnlyList<IndexedArticle> articles, int? denseDimensions, CancellationToken ct)
    {
        // Validate and measure everything before writing anything: bad input loses nothing.
        var latest = articles.GroupBy(a => a.Article.Id, StringComparer.Ordinal).Select(g => g.Last()).ToList();
        foreach (var article in latest) Validate(article, denseDimensions);
        var groups = Group(latest.Select(ToPoints));
        var dense = new DenseVectorPool();
        await Parallel.ForEachAsync(groups,
            new ParallelOptions { MaxDegreeOfParallelism = options.MaxParallelUploads, CancellationToken = ct },
            async (group, token) => await WriteGroupAsync(group, dense, token));
    }

    private async Task WriteGroupAsync(IReadOnlyList<ArticlePoints> group, DenseVectorPool dense, CancellationToken ct)
    {
        foreach (var batch in Batches(group.SelectMany(a => a.Chunks)))
        {
            foreach (var point in batch) dense.Fill(point.Point, point.Dense);
            await UpsertAsync("save chunks", batch, ct);
            // Only after success: an abandoned attempt could still be reading the vectors. A failed save drops the pool.
            foreach (var point in batch) dense.Reclaim(point.Point);
        }
        var stale = new Filter();
        foreach (var article in group)
            stale.Should.Add(Filter(new Filter
            {
                Must = { MatchKeyword(PayloadKeys.Kind, PointKinds.Chunk), MatchKeyword(PayloadKeys.ArticleId, article.Id) },
                MustNot = { MatchKeyword(PayloadKeys.Fingerprint, article.Fingerprint) },
            }));
        await calls.RunAsync("delete stale chunks", (c, t) => c.DeleteAsync(options.Collection, stale, cancellationToken: t), ct);
        foreach (var batch in Batches(group.Select(a => a.Article)))
            await UpsertAsync("save articles", batch, ct);
    }

    private Task UpsertAsync(string operation, IReadOnlyList<SizedPoint> batch, CancellationToken ct)
    {
        var points = batch.Select(p => p.Point).ToList();
        return calls.RunAsync(operation, (c, t) => c.UpsertAsync(options.Collection, points, cancellationToken: t), ct);
    }

    private ArticlePoints ToPoints(IndexedArticle indexed)
    {
        var (article, chunks) = indexed;
        var chunkPoints = points.ForChunks(indexed)
            .Select((p, i) => new SizedPoint(p, chunks[i].Vectors, p.CalculateSize() + DenseVectorPool.Bytes(chunks[i].Vectors))).ToList();
        var articlePoint = PointFactory.ForArticle(article, [.. chunks.Select(c => c.Chunk)]);
        var all = chunkPoints.Append(new SizedPoint(articlePoint, [], articlePoint.CalculateSize())).ToList();
        var largest = all.Max(p => p.Bytes);
        if (largest > MaxRequestBytes)
            throw new ArchiveException($"Article '{article.Id}' is too large for one Qdrant request (a point of {largest / 1_048_576} MiB); split its text.");
        return new ArticlePoints(article.Id, article.Fingerprint, chunkPoints, all[^1], all.Sum(p => p.Bytes));
    }

    /// <summary>Whole articles per group; an article too big for one batch gets a group of its own.</summary>
    private List<IReadOnlyList<ArticlePoints>> Group(IEnumerable<ArticlePoints> articles)
    {
        var groups = new List<IReadOnlyList<ArticlePoints>>();
        var current = new List<ArticlePoints>();
        int chunkCount = 0;
        long bytes = 0;
        foreach (var article in articles)
        {
            var full = chunkCount + article.Chunks.Count > options.BatchSize || current.Count == options.BatchSize
                || bytes + article.Bytes > MaxRequestBytes;
            if (full && current.Count > 0)
            {
                groups.Add(current);
                current = [];
                chunkCount = 0;
                bytes = 0;
            }
            current.Add(article);
            chunkCount += article.Chunks.Count;
            bytes += article.Bytes;
        }
        if (current.Count > 0) groups.Add(current);
        return groups;
    }

    private IEnumerable<List<SizedPoint>> Batches(IEnumerable<SizedPoint> all)
    {
        var batch = new List<SizedPoint>();
        long bytes = 0;
        foreach (var point in all)
        {
            if (batch.Count > 0 && (batch.Count == options.BatchSize || bytes + point.Bytes > MaxRequestBytes))
            {
                yield return batch;
                batch = [];
                bytes = 0;
            }
            batch.Add(point);
            bytes += point.Bytes;
        }
        if (batch.Count > 0) yield return batch;
    }

    private static void Validate(IndexedArticle indexed, int? denseDimensions)
    {
        var (article, chunks) = indexed;
        var id = article.Id;
        if (string.IsNullOrWhiteSpace(id)) throw new ArgumentException("An article has an empty id.", nameof(indexed));
        if (string.IsNullOrEmpty(article.Fingerprint)) throw new ArgumentException($"Article '{id}' has no fingerprint.", nameof(indexed));
        foreach (var (chunk, vectors) in chunks)
        {
            if (chunk.ArticleId != id)
                throw new ArgumentException($"Chunk '{chunk.Id}' belongs to article '{chunk.ArticleId}', not '{id}'.", nameof(indexed));
            if (vectors.Count == 0) continue;
            if (denseDimensions is not { } dims)
                throw new ArchiveException("The Qdrant collection has no dense vectors (it was created without an embedding model); "
                    + "save without vectors or use a collection created with one.");
            foreach (var vector in vectors)
            {
                if (vector.Length != dims)
                    throw new ArchiveException($"Chunk '{chunk.Id}' has a {vector.Length}-d vector; the Qdrant collection holds {dims}-d vectors.");
                if (!FiniteCheck.AllFinite(vector.Span))
                    throw new ArgumentException($"Chunk '{chunk.Id}' has a vector with NaN or infinite values.", nameof(indexed));
            }
        }
    }

    /// <summary>A point, the sentence vectors still to go into it, and an upper bound on its encoded size with them.</summary>
    private sealed record SizedPoint(PointStruct Point, IReadOnlyList<ReadOnlyMemory<float>> Dense, long Bytes);

    private sealed record ArticlePoints(string Id, string Fingerprint, IReadOnlyList<SizedPoint> Chunks, SizedPoint Article, long Bytes);
}
