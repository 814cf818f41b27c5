using System.Collections.Concurrent;
using Bot.Storage.Qdrant.Setup;
using Google.Protobuf;
using Qdrant.Client.Grpc;

namespace Bot.Storage.Qdrant.Writing;

/// <summary>
/// Puts chunks' sentence vectors into their points just before a batch is sent, and takes them back out once it has gone,
/// reusing the messages for the next batch of the same save. The floats are most of an upload: allocating fresh arrays
/// for each of them, and keeping a whole save's worth alive, cost several times more CPU (zeroing, page faults, garbage
/// collections) than copying the floats in.
/// </summary>
internal sealed class DenseVectorPool
{
    private readonly ConcurrentBag<DenseVector> free = [];

    /// <summary>
    /// An upper bound on what <see cref="Fill"/> adds to a point's encoded size: 4 bytes a float, at most 12 a vector for
    /// tags and lengths, 32 for the map entry and the enclosing lengths growing.
    /// </summary>
    public static long Bytes(IReadOnlyList<ReadOnlyMemory<float>> sentences) =>
        sentences.Count == 0 ? 0 : 32 + sentences.Sum(s => 4L * s.Length + 12);

    /// <summary>The sentence vectors as the point's max_sim multivector.</summary>
    public void Fill(PointStruct point, IReadOnlyList<ReadOnlyMemory<float>> sentences)
    {
        if (sentences.Count == 0) return;
        var multi = new MultiDenseVector();
        foreach (var sentence in sentences)
        {
            var vector = free.TryTake(out var reused) ? reused : new DenseVector();
            vector.Data.AddRange(sentence.Span);
            multi.Vectors.Add(vector);
        }
        point.Vectors.Vectors_.Vectors[VectorNames.Dense] = new Vector { MultiDense = multi };
    }

    /// <summary>Takes the vectors back out of a point that has been sent (or failed for good); their arrays keep their capacity.</summary>
    public void Reclaim(PointStruct point)
    {
        var vectors = point.Vectors.Vectors_.Vectors;
        if (!vectors.TryGetValue(VectorNames.Dense, out var dense)) return;
        vectors.Remove(VectorNames.Dense);
        foreach (var vector in dense.MultiDense.Vectors)
        {
            vector.Data.Clear();
            free.Add(vector);
        }
    }
}
