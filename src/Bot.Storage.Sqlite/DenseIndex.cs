using Microsoft.Data.Sqlite;

namespace Bot.Storage.Sqlite;

/// <summary>
/// Exact brute-force vector search over an in-memory int8 copy of every stored vector, rescored with the
/// float16 originals from disk. Memory grows by (dimensions + 12) bytes per chunk: 524 B at 512-d, ~52 MB
/// for 100k chunks. The copy is rebuilt when another write changed the archive's generation.
/// </summary>
internal sealed class DenseIndex
{
    private readonly SemaphoreSlim reloadLock = new(1, 1);
    private volatile Snapshot? snapshot;

    private sealed record Snapshot(string Generation, int Dimensions, long[] RowIds, sbyte[] Codes, float[] Scales);

    public async Task<IReadOnlyList<(long RowId, double Score)>> SearchAsync(
        SqliteConnection connection, string generation, ReadOnlyMemory<float> query,
        IReadOnlySet<long>? allowed, int candidates, CancellationToken cancellationToken)
    {
        var current = await LoadAsync(connection, generation, cancellationToken);
        if (current.RowIds.Length == 0) return [];
        if (query.Length != current.Dimensions)
            throw new Core.Retrieval.ArchiveException(
                $"The query vector has {query.Length} dimensions but the archive's vectors have {current.Dimensions}.");

        var queryCodes = new sbyte[current.Dimensions];
        VectorCodec.QuantizeInt8(query.Span, queryCodes);
        var approximate = TopApproximate(current, queryCodes, allowed, candidates * 2);
        return await RescoreAsync(connection, approximate, query, candidates, cancellationToken);
    }

    private static List<long> TopApproximate(Snapshot s, sbyte[] queryCodes, IReadOnlySet<long>? allowed, int count)
    {
        // Min-heap of the best `count` so far: the root is the weakest kept candidate.
        var heap = new PriorityQueue<long, float>(count + 1);
        for (var row = 0; row < s.RowIds.Length; row++)
        {
            if (allowed is not null && !allowed.Contains(s.RowIds[row])) continue;
            var score = Int8Dot.Compute(s.Codes.AsSpan(row * s.Dimensions, s.Dimensions), queryCodes) * s.Scales[row];
            if (heap.Count < count) heap.Enqueue(s.RowIds[row], score);
            else if (heap.TryPeek(out _, out var weakest) && score > weakest) heap.EnqueueDequeue(s.RowIds[row], score);
        }
        var rows = new List<long>(heap.Count);
        while (heap.TryDequeue(out var rowId, out _)) rows.Add(rowId);
        return rows;
    }

    private static async Task<List<(long, double)>> RescoreAsync(
        SqliteConnection connection, List<long> rowIds, ReadOnlyMemory<float> query, int count, CancellationToken cancellationToken)
    {
        var scored = new List<(long RowId, double Score)>(rowIds.Count);
        if (rowIds.Count == 0) return scored;
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT rowid, vector FROM chunks WHERE rowid IN (SELECT value FROM json_each($ids))";
        command.Parameters.AddWithValue("$ids", System.Text.Json.JsonSerializer.Serialize(rowIds));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var vector = VectorCodec.FromHalfBlob((byte[])reader[1]);
            scored.Add((reader.GetInt64(0), System.Numerics.Tensors.TensorPrimitives.Dot<float>(vector, query.Span)));
        }
        return scored.OrderByDescending(x => x.Score).ThenBy(x => x.RowId).Take(count).ToList();
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
        var rowIds = new List<long>();
        var codes = new List<sbyte>();
        var scales = new List<float>();
        var dimensions = 0;
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT rowid, vector FROM chunks WHERE vector IS NOT NULL ORDER BY rowid";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var buffer = Array.Empty<sbyte>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var vector = VectorCodec.FromHalfBlob((byte[])reader[1]);
            if (dimensions == 0) { dimensions = vector.Length; buffer = new sbyte[dimensions]; }
            if (vector.Length != dimensions) continue;
            scales.Add(VectorCodec.QuantizeInt8(vector, buffer));
            codes.AddRange(buffer);
            rowIds.Add(reader.GetInt64(0));
        }
        return new Snapshot(generation, dimensions, rowIds.ToArray(), codes.ToArray(), scales.ToArray());
    }
}
