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
/// Dimension = FNV-1a 32-bit hash of the term's UTF-8 bytes: stable across processes, machines and
/// .NET versions (string.GetHashCode is randomised per process), so vectors written by one run are
/// queried by the next. Terms that collide share a dimension; with 2^32 dimensions and a vocabulary
/// of a few hundred thousand terms that is rare and only blurs those two terms' IDF.
///
/// len is the chunk's analysed term count (<see cref="TextAnalyzer.TermCounts"/> of its IndexText);
/// avglen is a configured constant (<see cref="QdrantOptions.Bm25AverageChunkTerms"/>) because the
/// weights are frozen at write time while the archive's true mean drifts.
/// </summary>
internal sealed class Bm25SparseEncoder(double averageTerms, double k1 = 1.2, double b = 0.75)
{
    public SparseVector? EncodeDocument(string indexText)
    {
        var counts = TextAnalyzer.TermCounts(indexText);
        if (counts.Count == 0) return null;
        var length = counts.Values.Sum();
        var norm = k1 * (1 - b + b * length / averageTerms);
        var weights = new Dictionary<uint, float>(counts.Count);
        foreach (var (term, tf) in counts)
        {
            var index = TermIndex(term);
            weights[index] = weights.GetValueOrDefault(index) + (float)(tf * (k1 + 1) / (tf + norm));
        }
        // Colliding terms were summed above: Qdrant wants unique indices.
        var indices = weights.Keys.ToArray();
        var values = weights.Values.ToArray();
        Array.Sort(indices, values);
        return new SparseVector(indices, values);
    }

    public static SparseVector? EncodeQuery(IEnumerable<string> terms)
    {
        var indices = terms.Select(TermIndex).Distinct().Order().ToArray();
        return indices.Length == 0 ? null : new SparseVector(indices, Enumerable.Repeat(1f, indices.Length).ToArray());
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
