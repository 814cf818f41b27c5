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

    /// <summary>The chunk's vector from its context line (title, place, date) and its body text.</summary>
    public SparseWeights? EncodeDocument(string context, string text)
    {
        var contextTerms = TextAnalyzer.Terms(context);
        var body = TextAnalyzer.Terms(text);
        var length = contextTerms.Count + body.Count;
        if (length == 0) return null;
        // Counted by dimension, and pairs hashed from their first term's hash: no string per pair.
        var terms = new Dictionary<uint, int>(length);
        var pairs = new Dictionary<uint, int>(body.Count);
        foreach (var term in contextTerms) Count(terms, TermIndex(term));
        var previous = 0u;
        for (var i = 0; i < body.Count; i++)
        {
            var index = TermIndex(body[i]);
            Count(terms, index);
            if (i > 0) Count(pairs, PairIndex(previous, body[i]));
            previous = index;
        }
        var norm = k1 * (1 - b + b * length / averageTerms);
        var weights = new List<(uint, float)>(terms.Count + pairs.Count);
        foreach (var (index, tf) in terms.Concat(pairs))
            weights.Add((index, (float)(tf * (k1 + 1) / (tf + norm))));
        return ToVector(weights);
    }

    /// <summary>The query's distinct terms at weight 1 and their distinct adjacent pairs at <see cref="PairQueryWeight"/>.</summary>
    public static SparseWeights? EncodeQuery(IReadOnlyList<string> terms)
    {
        if (terms.Count == 0) return null;
        var weights = new List<(uint, float)>();
        var pairs = new HashSet<uint>();
        foreach (var index in terms.Select(TermIndex).Distinct()) weights.Add((index, 1f));
        for (var i = 1; i < terms.Count; i++)
        {
            var pair = PairIndex(TermIndex(terms[i - 1]), terms[i]);
            if (pairs.Add(pair)) weights.Add((pair, PairQueryWeight));
        }
        return ToVector(weights);
    }

    private static void Count(Dictionary<uint, int> counts, uint index) =>
        counts[index] = counts.GetValueOrDefault(index) + 1;

    /// <summary>Sorted by dimension; entries sharing one (a term and a pair whose hashes collide) are summed, as Qdrant wants unique indices.</summary>
    private static SparseWeights ToVector(List<(uint Index, float Weight)> weights)
    {
        weights.Sort((x, y) => x.Index.CompareTo(y.Index));
        var indices = new List<uint>(weights.Count);
        var values = new List<float>(weights.Count);
        foreach (var (index, weight) in weights)
        {
            if (indices.Count > 0 && indices[^1] == index) values[^1] += weight;
            else { indices.Add(index); values.Add(weight); }
        }
        return new SparseWeights([.. indices], [.. values]);
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
