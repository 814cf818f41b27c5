using System.Numerics;

namespace Bot.Storage.Sqlite;

/// <summary>
/// One bit per dimension: the sign of the vector minus the archive's mean vector. The Hamming distance between
/// sketches tracks the angle between vectors, so on a large archive a scan of the sketches (64 bytes a vector
/// at 512-d, an eighth of the int8 copy) finds the few thousand nearest sentences, and only those are scored
/// properly. Centring on the mean matters: sentence embeddings share a common direction that would otherwise
/// set most bits alike.
/// </summary>
internal static class BinarySketch
{
    public static int Words(int dimensions) => (dimensions + 63) / 64;

    public static void Write(ReadOnlySpan<sbyte> codes, float scale, ReadOnlySpan<float> mean, Span<ulong> bits)
    {
        bits.Clear();
        for (var i = 0; i < codes.Length; i++)
            if (codes[i] * scale > mean[i]) bits[i >> 6] |= 1UL << (i & 63);
    }

    public static void Write(ReadOnlySpan<float> vector, ReadOnlySpan<float> mean, Span<ulong> bits)
    {
        bits.Clear();
        for (var i = 0; i < vector.Length; i++)
            if (vector[i] > mean[i]) bits[i >> 6] |= 1UL << (i & 63);
    }

    /// <summary>
    /// Rows whose sketch is nearest to <paramref name="query"/>, about <paramref name="count"/> of them (all rows
    /// at the cut-off distance are kept). Two passes: distances and their histogram, then the rows under the cut.
    /// </summary>
    public static List<int> Nearest(ulong[] sketches, int words, ReadOnlySpan<ulong> query, int count, Func<int, bool> allowed)
    {
        var rows = sketches.Length / words;
        var distances = new ushort[rows];
        var histogram = new int[words * 64 + 1];
        for (var row = 0; row < rows; row++)
        {
            if (!allowed(row)) { distances[row] = ushort.MaxValue; continue; }
            var distance = 0;
            var offset = row * words;
            for (var w = 0; w < words; w++)
                distance += BitOperations.PopCount(sketches[offset + w] ^ query[w]);
            distances[row] = (ushort)distance;
            histogram[distance]++;
        }
        var cut = 0;
        for (var seen = 0; cut < histogram.Length - 1 && seen + histogram[cut] < count; cut++)
            seen += histogram[cut];
        var nearest = new List<int>(count + 64);
        for (var row = 0; row < rows; row++)
            if (distances[row] <= cut) nearest.Add(row);
        return nearest;
    }
}
