using System.Text.Json;
using System.Numerics.Tensors;
using Microsoft.Data.Sqlite;

namespace Bot.Storage.Sqlite;

/// <summary>
/// Exact brute-force search over an in-memory int8 copy of every sentence vector; a chunk scores as its best
/// sentence. Candidates are rescored with the float16 originals from disk. Memory grows by (dimensions + 12)
/// bytes per sentence vector: 524 B at 512-d, ~5 sentences a chunk, so ~2.6 KB a chunk (~260 MB for 100k
/// chunks). The copy is rebuilt when a write changed the archive's generation.
/// </summary>
internal sealed class DenseIndex
{
    /// <summary>Below this many vectors one core scans faster than two can be coordinated.</summary>
    private const int ParallelThreshold = 50_000;

    private readonly SemaphoreSlim reloadLock = new(1, 1);
    private volatile Snapshot? snapshot;

    /// <summary>Vectors sorted by chunk, so each chunk's sentences are one run of rows.</summary>
    private sealed record Snapshot(string Generation, int Dimensions, long[] ChunkRowIds, sbyte[] Codes, float[] Scales);

    public async Task<IReadOnlyList<(long RowId, double Score)>> SearchAsync(
        SqliteConnection connection, string generation, ReadOnlyMemory<float> query,
        IReadOnlySet<long>? allowed, int candidates, CancellationToken cancellationToken)
    {
        var current = await LoadAsync(connection, generation, cancellationToken);
        if (current.ChunkRowIds.Length == 0) return [];
        if (query.Length != current.Dimensions)
            throw new Core.Retrieval.ArchiveException(
                $"The query vector has {query.Length} dimensions but the archive's vectors have {current.Dimensions}.");

        var queryCodes = new sbyte[current.Dimensions];
        VectorCodec.QuantizeInt8(query.Span, queryCodes);
        var approximate = TopChunks(current, queryCodes, allowed, candidates * 2);
        return await RescoreAsync(connection, approximate, query, candidates, cancellationToken);
    }

    private static List<long> TopChunks(Snapshot s, sbyte[] queryCodes, IReadOnlySet<long>? allowed, int count)
    {
        var ranges = Partition(s.ChunkRowIds, s.ChunkRowIds.Length < ParallelThreshold ? 1 : Environment.ProcessorCount);
        var partial = new List<(long RowId, float Score)>[ranges.Count];
        Parallel.For(0, ranges.Count, p => partial[p] = ScanRange(s, queryCodes, allowed, ranges[p].Start, ranges[p].End, count));
        return partial.SelectMany(x => x).OrderByDescending(x => x.Score).Take(count).Select(x => x.RowId).ToList();
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

    private static List<(long, float)> ScanRange(Snapshot s, sbyte[] queryCodes, IReadOnlySet<long>? allowed, int start, int end, int count)
    {
        // Min-heap of the best `count` chunks so far: the root is the weakest kept candidate.
        var heap = new PriorityQueue<long, float>(count + 1);
        var row = start;
        while (row < end)
        {
            var chunk = s.ChunkRowIds[row];
            var best = float.MinValue;
            for (; row < end && s.ChunkRowIds[row] == chunk; row++)
                best = MathF.Max(best, Int8Dot.Compute(s.Codes.AsSpan(row * s.Dimensions, s.Dimensions), queryCodes) * s.Scales[row]);
            if (allowed is not null && !allowed.Contains(chunk)) continue;
            if (heap.Count < count) heap.Enqueue(chunk, best);
            else if (heap.TryPeek(out _, out var weakest) && best > weakest) heap.EnqueueDequeue(chunk, best);
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

    private async Task<Snapshot> LoadAsync(SqliteConnection connection, string generation, CancellationToken cancellationToken)
    {
        if (snapshot is { } cached && cached.Generation == generation) return cached;
        await reloadLock.WaitAsync(cancellationToken);
        try
        {
            if (snapshot is { } again && again.Generation == generation) return again;
            var loaded = await ReadAllAsync(connection, generation, cancellationToken);
            snapshot = loaded;
            return loaded;
        }
        finally
        {
            reloadLock.Release();
        }
    }

    private static async Task<Snapshot> ReadAllAsync(SqliteConnection connection, string generation, CancellationToken cancellationToken)
    {
        var chunkRowIds = new List<long>();
        var codes = new List<sbyte>();
        var scales = new List<float>();
        var dimensions = 0;
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT chunk_rowid, vector FROM chunk_vectors ORDER BY chunk_rowid, rowid";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var buffer = Array.Empty<sbyte>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var vector = VectorCodec.FromHalfBlob((byte[])reader[1]);
            if (dimensions == 0) { dimensions = vector.Length; buffer = new sbyte[dimensions]; }
            if (vector.Length != dimensions) continue;
            scales.Add(VectorCodec.QuantizeInt8(vector, buffer));
            codes.AddRange(buffer);
            chunkRowIds.Add(reader.GetInt64(0));
        }
        return new Snapshot(generation, dimensions, chunkRowIds.ToArray(), codes.ToArray(), scales.ToArray());
    }
}
