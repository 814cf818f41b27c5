using Microsoft.Data.Sqlite;

namespace Bot.Storage.Sqlite;

/// <summary>
/// The in-memory copy of every sentence vector: int8 codes with one scale each, binary sketches, the mean
/// vector the sketches are centred on. Rows are sorted by chunk, so each chunk's sentences are one run.
/// </summary>
internal sealed class DenseSnapshot
{
    private DenseSnapshot(string generation, int dimensions, long[] chunkRowIds, sbyte[] codes, float[] scales, float[] mean)
    {
        Generation = generation;
        Dimensions = dimensions;
        ChunkRowIds = chunkRowIds;
        Codes = codes;
        Scales = scales;
        Mean = mean;
        SketchWords = BinarySketch.Words(dimensions);
        Sketches = new ulong[chunkRowIds.Length * SketchWords];
        for (var row = 0; row < chunkRowIds.Length; row++)
            BinarySketch.Write(Codes.AsSpan(row * dimensions, dimensions), scales[row], mean, Sketches.AsSpan(row * SketchWords, SketchWords));
    }

    public string Generation { get; }
    public int Dimensions { get; }
    public long[] ChunkRowIds { get; }
    public sbyte[] Codes { get; }
    public float[] Scales { get; }
    public float[] Mean { get; }
    public int SketchWords { get; }
    public ulong[] Sketches { get; }
    public int Count => ChunkRowIds.Length;

    /// <summary>Approximate cosine of row <paramref name="row"/> with the quantised query (up to the query's scale).</summary>
    public float Score(int row, sbyte[] queryCodes) =>
        Int8Dot.Compute(Codes.AsSpan(row * Dimensions, Dimensions), queryCodes) * Scales[row];

    public static async Task<DenseSnapshot> ReadAsync(SqliteConnection connection, string generation, CancellationToken cancellationToken)
    {
        var chunkRowIds = new List<long>();
        var codes = new List<sbyte>();
        var scales = new List<float>();
        double[] sum = [];
        var dimensions = 0;
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT chunk_rowid, vector FROM chunk_vectors ORDER BY chunk_rowid, rowid";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var buffer = Array.Empty<sbyte>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var vector = VectorCodec.FromHalfBlob((byte[])reader[1]);
            if (dimensions == 0) { dimensions = vector.Length; buffer = new sbyte[dimensions]; sum = new double[dimensions]; }
            if (vector.Length != dimensions) continue;
            for (var i = 0; i < dimensions; i++) sum[i] += vector[i];
            scales.Add(VectorCodec.QuantizeInt8(vector, buffer));
            codes.AddRange(buffer);
            chunkRowIds.Add(reader.GetInt64(0));
        }
        var mean = sum.Select(s => (float)(s / Math.Max(1, chunkRowIds.Count))).ToArray();
        return new DenseSnapshot(generation, dimensions, chunkRowIds.ToArray(), codes.ToArray(), scales.ToArray(), mean);
    }
}
