using System.Text.Json;
using System.Numerics.Tensors;
using Microsoft.Data.Sqlite;

namespace Bot.Storage.Sqlite;

/// <summary>
/// Dense search over an in-memory copy of every sentence vector; a chunk scores as its best sentence.
/// Up to <see cref="SqliteArchiveOptions.ExactDenseUpTo"/> vectors the int8 copy is scanned exactly; beyond,
/// a scan of binary sketches picks the nearest sentences first (<see cref="BinarySketch"/>). Either way the
/// best chunks are rescored with the float16 originals from disk. Memory grows by (dimensions·9/8 + 12) bytes
/// per sentence vector: ~590 B at 512-d, ~5 sentences a chunk, so ~3 KB a chunk (~300 MB for 100k chunks).
/// The copy is rebuilt when a write changed the archive's generation.
/// </summary>
internal sealed class DenseIndex(SqliteArchiveOptions options)
{
    /// <summary>Below this many vectors one core scans faster than two can be coordinated.</summary>
    private const int ParallelThreshold = 50_000;

    /// <summary>Nearest sentences by sketch kept per wanted chunk; the margin for what the sketch misjudges.</summary>
    private const int SketchOversampling = 20;

    private readonly SemaphoreSlim reloadLock = new(1, 1);
    private volatile DenseSnapshot? snapshot;

    public async Task<IReadOnlyList<(long RowId, double Score)>> SearchAsync(
        SqliteConnection connection, string generation, ReadOnlyMemory<float> query,
        IReadOnlySet<long>? allowed, int candidates, CancellationToken cancellationToken)
    {
        var current = await LoadAsync(connection, generation, cancellationToken);
        if (current.Count == 0) return [];
        if (query.Length != current.Dimensions)
            throw new Core.Retrieval.ArchiveException(
                $"The query vector has {query.Length} dimensions but the archive's vectors have {current.Dimensions}.");

        var queryCodes = new sbyte[current.Dimensions];
        VectorCodec.QuantizeInt8(query.Span, queryCodes);
        var chunks = current.Count <= options.ExactDenseUpTo
            ? TopChunksExact(current, queryCodes, allowed, candidates * 2)
            : TopChunksBySketch(current, query.Span, queryCodes, allowed, candidates * 2);
        return await RescoreAsync(connection, chunks, query, candidates, cancellationToken);
    }

    private static List<long> TopChunksExact(DenseSnapshot s, sbyte[] queryCodes, IReadOnlySet<long>? allowed, int count)
    {
        var ranges = Partition(s.ChunkRowIds, s.Count < ParallelThreshold ? 1 : Environment.ProcessorCount);
        var partial = new List<(long RowId, float Score)>[ranges.Count];
        Parallel.For(0, ranges.Count, p => partial[p] = Best(ScoreRuns(s, queryCodes, allowed, ranges[p].Start, ranges[p].End), count));
        return partial.SelectMany(x => x).OrderByDescending(x => x.Score).Take(count).Select(x => x.RowId).ToList();
    }

    private static List<long> TopChunksBySketch(DenseSnapshot s, ReadOnlySpan<float> query, sbyte[] queryCodes, IReadOnlySet<long>? allowed, int count)
    {
        var querySketch = new ulong[s.SketchWords];
        BinarySketch.Write(query, s.Mean, querySketch);
        var rows = BinarySketch.Nearest(s.Sketches, s.SketchWords, querySketch, count * SketchOversampling,
            row => allowed is null || allowed.Contains(s.ChunkRowIds[row]));
        var best = new Dictionary<long, float>();
        foreach (var row in rows)
        {
            var score = s.Score(row, queryCodes);
            var chunk = s.ChunkRowIds[row];
            if (!best.TryGetValue(chunk, out var current) || score > current) best[chunk] = score;
        }
        return best.OrderByDescending(x => x.Value).Take(count).Select(x => x.Key).ToList();
    }

    /// <summary>Splits rows into ranges that never cut a chunk's run of sentences in two.</summary>
    private static List<(int Start, int End)> Partition(long[] chunkRowIds, int parts)
    {
        var ranges = new List<(int, int)>();
        var start = 0;
        for (var p = 1; p <= parts && start < chunkRowIds.Length; p++)
        {
            var end = p == parts ? chunkRowIds.Length : Math.Max(start + 1, chunkRowIds.Length * p / parts);
            while (end < chunkRowIds.Length && chunkRowIds[end] == chunkRowIds[end - 1]) end++;
            ranges.Add((start, end));
            start = end;
        }
        return ranges;
    }

    /// <summary>Each allowed chunk in the range with its best sentence's score.</summary>
    private static IEnumerable<(long Chunk, float Score)> ScoreRuns(DenseSnapshot s, sbyte[] queryCodes, IReadOnlySet<long>? allowed, int start, int end)
    {
        var row = start;
        while (row < end)
        {
            var chunk = s.ChunkRowIds[row];
            var best = float.MinValue;
            for (; row < end && s.ChunkRowIds[row] == chunk; row++)
                best = MathF.Max(best, s.Score(row, queryCodes));
            if (allowed is null || allowed.Contains(chunk)) yield return (chunk, best);
        }
    }

    private static List<(long, float)> Best(IEnumerable<(long Chunk, float Score)> scored, int count)
    {
        // Min-heap of the best `count` so far: the root is the weakest kept candidate.
        var heap = new PriorityQueue<long, float>(count + 1);
        foreach (var (chunk, score) in scored)
        {
            if (heap.Count < count) heap.Enqueue(chunk, score);
            else if (heap.TryPeek(out _, out var weakest) && score > weakest) heap.EnqueueDequeue(chunk, score);
        }
        var kept = new List<(long, float)>(heap.Count);
        while (heap.TryDequeue(out var chunk, out var score)) kept.Add((chunk, score));
        return kept;
    }

    private static async Task<List<(long, double)>> RescoreAsync(
        SqliteConnection connection, List<long> chunkRowIds, ReadOnlyMemory<float> query, int count, CancellationToken cancellationToken)
    {
        var best = new Dictionary<long, double>();
        if (chunkRowIds.Count == 0) return [];
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT chunk_rowid, vector FROM chunk_vectors WHERE chunk_rowid IN (SELECT value FROM json_each($ids))";
        command.Parameters.AddWithValue("$ids", JsonSerializer.Serialize(chunkRowIds));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var score = TensorPrimitives.Dot<float>(VectorCodec.FromHalfBlob((byte[])reader[1]), query.Span);
            var chunk = reader.GetInt64(0);
            if (!best.TryGetValue(chunk, out var current) || score > current) best[chunk] = score;
        }
        return best.OrderByDescending(x => x.Value).ThenBy(x => x.Key).Take(count).Select(x => (x.Key, x.Value)).ToList();
    }

    private async Task<DenseSnapshot> LoadAsync(SqliteConnection connection, string generation, CancellationToken cancellationToken)
    {
        if (snapshot is { } cached && cached.Generation == generation) return cached;
        await reloadLock.WaitAsync(cancellationToken);
        try
        {
            if (snapshot is { } again && again.Generation == generation) return again;
            var loaded = await DenseSnapshot.ReadAsync(connection, generation, cancellationToken);
            snapshot = loaded;
            return loaded;
        }
        finally
        {
            reloadLock.Release();
        }
    }
}
