namespace Bot.Storage.Sqlite.Tests;

public sealed class BinarySketchTests
{
    [Fact]
    public void Nearest_sketches_are_the_vectors_closest_in_angle()
    {
        const int dimensions = 64;
        var random = new Random(3);
        var mean = new float[dimensions];
        var query = Unit(Enumerable.Range(0, dimensions).Select(_ => (float)random.NextDouble() - 0.5f).ToArray());
        // Rows 0..9 lean towards the query more and more; rows 10..99 are random.
        var vectors = Enumerable.Range(0, 100).Select(row => row < 10
            ? Unit(query.Zip(Enumerable.Range(0, dimensions).Select(_ => (float)random.NextDouble() - 0.5f), (q, n) => q * (row + 1) + n * 0.3f).ToArray())
            : Unit(Enumerable.Range(0, dimensions).Select(_ => (float)random.NextDouble() - 0.5f).ToArray())).ToList();
        var sketches = new ulong[vectors.Count];
        for (var row = 0; row < vectors.Count; row++) BinarySketch.Write(vectors[row], mean, sketches.AsSpan(row, 1));
        var querySketch = new ulong[1];
        BinarySketch.Write(query, mean, querySketch);

        var nearest = BinarySketch.Nearest(sketches, 1, querySketch, 5, _ => true);

        Assert.InRange(nearest.Count, 5, 10);
        Assert.All(nearest, row => Assert.InRange(row, 0, 9));
        Assert.Contains(9, nearest);
        Assert.DoesNotContain(9, BinarySketch.Nearest(sketches, 1, querySketch, 5, row => row != 9));
    }

    private static float[] Unit(float[] v)
    {
        var norm = MathF.Sqrt(v.Sum(x => x * x));
        return v.Select(x => x / norm).ToArray();
    }
}
