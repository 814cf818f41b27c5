using System.Text;
using Bot.Core.Analysis;

namespace Bot.Storage.Qdrant.Lexical;

/// <summary>
/// BM25 as a sparse vector, split the way Qdrant's IDF modifier expects: the document side
/// carries the term-frequency part, tf·(k1+1) / (tf + k1·(1 − b + b·len/avglen)), and Qdrant multiplies
/// each matching dimension by the term's IDF at query time (collection statistics it keeps itself);
/// the query side weights each distinct term 1. The dot product is then the BM25 score.
///
/// Adjacent term pairs of the chunk's body (<see cref="TextAnalyzer.Pairs"/>, "arm_drone") are dimensions
/// too, weighted the same way on the document side and <see cref="PairQueryWeight"/> on the query side:
/// half a single term, like the embedded store's pairs column. The half applies once, at query time, so it
/// can change without re-ingesting (halving both sides would make pairs a quarter: SQuAD-half lexical
/// recall@1 0.842 against 0.845).
///
/// Dimension = FNV-1a 32-bit hash of the term's UTF-8 bytes: stable across processes, machines and
/// .NET versions (string.GetHashCode is randomised per process), so vectors written by one run are
/// queried by the next. Terms that collide share a dimension; with 2^32 dimensions and a vocabulary
/// of a few hundred thousand terms and pairs that is rare and only blurs those two terms' IDF.
///
/// len is the chunk's analysed term count (context and body, pairs not counted); avglen is a configured
/// constant (<see cref="QdrantOptions.Bm25AverageChunkTerms"/>) because the weights are frozen at write
/// time while the archive's true mean drifts.
/// </summary>
internal sealed class Bm25SparseEncoder(double averageTerms, double k1 = 1.2, double b = 0.75)
{
    /// <summary>Query weight of a term pair; single terms weigh 1.</summary>
    public const float PairQueryWeight = 0.5f;

    /// <summary>The chunk's vector from the analysed terms of its context line (title, place, date) and of its body text.</summary>
    public SparseWeights? EncodeDocument(IReadOnlyList<string> contextTerms, IReadOnlyList<string> body)
    {
        var length = contextTerms.Count + body.Count;
        if (length == 0) return null;
        // Dimensions counted by sorting them, and pairs hashed from their first term's hash: no string or dictionary per chunk.
        var terms = new uint[length];
        var pairs = new uint[Math.Max(0, body.Count - 1)];
        for (var i = 0; i < contextTerms.Count; i++) terms[i] = TermIndex(contextTerms[i]);
        for (var i = 0; i < body.Count; i++)
        {
            var index = terms[contextTerms.Count + i] = TermIndex(body[i]);
            if (i > 0) pairs[i - 1] = PairIndex(terms[contextTerms.Count + i - 1], body[i]);
        }
        var norm = k1 * (1 - b + b * length / averageTerms);
        float Weight(int tf) => (float)(tf * (k1 + 1) / (tf + norm));
        return ToVector(terms, Weight, pairs, Weight);
    }

    /// <summary>The query's distinct terms at weight 1 and their distinct adjacent pairs at <see cref="PairQueryWeight"/>.</summary>
    public static SparseWeights? EncodeQuery(IReadOnlyList<string> terms)
    {
        if (terms.Count == 0) return null;
        var indices = terms.Select(TermIndex).ToArray();
        var pairs = new uint[terms.Count - 1];
        for (var i = 1; i < terms.Count; i++) pairs[i - 1] = PairIndex(indices[i - 1], terms[i]);
        return ToVector(indices, _ => 1f, pairs, _ => PairQueryWeight);
    }

    /// <summary>
    /// Terms and pairs, each weighted by how often its dimension occurs; sorted by dimension, and a term and a pair whose
    /// hashes collide share it with their weights summed, as Qdrant wants unique indices.
    /// </summary>
    private static SparseWeights ToVector(uint[] terms, Func<int, float> termWeight, uint[] pairs, Func<int, float> pairWeight)
    {
        Array.Sort(terms);
        Array.Sort(pairs);
        var indices = new uint[terms.Length + pairs.Length];
        var values = new float[indices.Length];
        int count = 0, t = 0, p = 0;
        while (t < terms.Length || p < pairs.Length)
        {
            var fromTerms = p == pairs.Length || (t < terms.Length && terms[t] <= pairs[p]);
            var (sorted, weight) = fromTerms ? (terms, termWeight) : (pairs, pairWeight);
            ref var at = ref fromTerms ? ref t : ref p;
            var index = sorted[at];
            var run = at;
            while (at < sorted.Length && sorted[at] == index) at++;
            if (count > 0 && indices[count - 1] == index) values[count - 1] += weight(at - run);
            else (indices[count], values[count++]) = (index, weight(at - run));
        }
        return new SparseWeights(indices[..count], values[..count]);
    }

    /// <summary>
    /// The dimension of the pair "first_second" from the first term's dimension: FNV-1a hashes bytes in order,
    /// so carrying on from hash(first) over "_second" gives hash("first_second").
    /// </summary>
    public static uint PairIndex(uint first, string second) =>
        Continue(Continue(first, [(byte)TextAnalyzer.PairSeparator]), second);

    public static uint TermIndex(string term) => Continue(2166136261, term);

    private static uint Continue(uint hash, string text)
    {
        Span<byte> buffer = stackalloc byte[256];
        return Continue(hash, Encoding.UTF8.GetByteCount(text) <= buffer.Length
            ? buffer[..Encoding.UTF8.GetBytes(text, buffer)]
            : Encoding.UTF8.GetBytes(text));
    }

    private static uint Continue(uint hash, ReadOnlySpan<byte> bytes)
    {
        const uint prime = 16777619;
        foreach (var x in bytes) hash = (hash ^ x) * prime;
        return hash;
    }
}

/// <summary>A sparse vector: dimensions in ascending order, each with its weight.</summary>
internal sealed record SparseWeights(uint[] Indices, float[] Values);
