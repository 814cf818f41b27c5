using System.Text;
using Bot.Core.Analysis;
using Bot.Storage.Qdrant.Protocol;

namespace Bot.Storage.Qdrant.Lexical;

/// <summary>
/// BM25 as a sparse vector, split the way Qdrant's <c>"modifier": "idf"</c> expects: the document side
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
    public SparseVector? EncodeDocument(string context, string text)
    {
        var body = TextAnalyzer.Terms(text);
        var terms = TextAnalyzer.Terms(context);
        var length = terms.Count + body.Count;
        if (length == 0) return null;
        terms.AddRange(body);
        var norm = k1 * (1 - b + b * length / averageTerms);
        var weights = new Dictionary<uint, float>(2 * length);
        AddSaturated(weights, Counts(terms), norm);
        AddSaturated(weights, Counts(TextAnalyzer.Pairs(body)), norm);
        return ToVector(weights);
    }

    /// <summary>The query's distinct terms at weight 1 and their adjacent pairs at <see cref="PairQueryWeight"/>.</summary>
    public static SparseVector? EncodeQuery(IReadOnlyList<string> terms)
    {
        var weights = new Dictionary<uint, float>();
        foreach (var term in terms.Distinct(StringComparer.Ordinal))
            Add(weights, TermIndex(term), 1f);
        foreach (var pair in TextAnalyzer.Pairs(terms).Distinct(StringComparer.Ordinal))
            Add(weights, TermIndex(pair), PairQueryWeight);
        return weights.Count == 0 ? null : ToVector(weights);
    }

    private void AddSaturated(Dictionary<uint, float> weights, Dictionary<string, int> counts, double norm)
    {
        foreach (var (term, tf) in counts)
            Add(weights, TermIndex(term), (float)(tf * (k1 + 1) / (tf + norm)));
    }

    private static Dictionary<string, int> Counts(IEnumerable<string> terms)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var term in terms) counts[term] = counts.GetValueOrDefault(term) + 1;
        return counts;
    }

    /// <summary>Colliding terms are summed: Qdrant wants unique indices.</summary>
    private static void Add(Dictionary<uint, float> weights, uint index, float weight) =>
        weights[index] = weights.GetValueOrDefault(index) + weight;

    private static SparseVector ToVector(Dictionary<uint, float> weights)
    {
        var indices = weights.Keys.ToArray();
        var values = weights.Values.ToArray();
        Array.Sort(indices, values);
        return new SparseVector(indices, values);
    }

    public static uint TermIndex(string term)
    {
        const uint offset = 2166136261, prime = 16777619;
        Span<byte> buffer = stackalloc byte[256];
        var bytes = Encoding.UTF8.GetByteCount(term) <= buffer.Length
            ? buffer[..Encoding.UTF8.GetBytes(term, buffer)]
            : Encoding.UTF8.GetBytes(term);
        var hash = offset;
        foreach (var x in bytes) hash = (hash ^ x) * prime;
        return hash;
    }
}
