using Bot.Core.Analysis;
using Bot.Storage.Qdrant.Lexical;

namespace Bot.Storage.Qdrant.Tests.Unit;

public sealed class Bm25SparseEncoderTests
{
    // FNV-1a 32-bit of the UTF-8 bytes, checked against an independent Python implementation.
    [Theory]
    [InlineData("a", 3826002220u)]
    [InlineData("drone", 4241786385u)]
    [InlineData("été", 4290086935u)]
    public void Term_index_is_the_fnv1a_hash_of_the_utf8_term(string term, uint expected) =>
        Assert.Equal(expected, Bm25SparseEncoder.TermIndex(term));

    [Fact]
    public void Document_weights_follow_bm25_term_frequency_saturation_and_length_normalisation()
    {
        const double k1 = 1.2, b = 0.75, avg = 4;
        var text = "drones drones drones Niger";
        var vector = new Bm25SparseEncoder(avg).EncodeDocument(text)!;
        var counts = TextAnalyzer.TermCounts(text);
        var length = counts.Values.Sum();
        Assert.Equal(counts.Count, vector.Indices.Length);
        foreach (var (term, tf) in counts)
        {
            var expected = tf * (k1 + 1) / (tf + k1 * (1 - b + b * length / avg));
            var position = Array.IndexOf(vector.Indices, Bm25SparseEncoder.TermIndex(term));
            Assert.Equal(expected, vector.Values[position], 5);
        }
        Assert.True(vector.Indices.SequenceEqual(vector.Indices.Order()), "indices sorted and unique");
    }

    [Fact]
    public void A_longer_chunk_weighs_the_same_term_frequency_less()
    {
        var encoder = new Bm25SparseEncoder(10);
        float WeightOfDrones(string text)
        {
            var vector = encoder.EncodeDocument(text)!;
            return vector.Values[Array.IndexOf(vector.Indices, Bm25SparseEncoder.TermIndex(TextAnalyzer.Stem("drones")))];
        }
        var shortChunk = WeightOfDrones("drones Niger");
        var longChunk = WeightOfDrones("drones Niger Sahel region army groups attack border deaths soldiers");
        Assert.True(longChunk < shortChunk, $"{longChunk} < {shortChunk}");
    }

    [Fact]
    public void Query_weights_each_distinct_term_once()
    {
        var query = Bm25SparseEncoder.EncodeQuery(["drone", "niger", "drone"])!;
        Assert.Equal(2, query.Indices.Length);
        Assert.All(query.Values, v => Assert.Equal(1f, v));
    }

    [Fact]
    public void Text_without_terms_has_no_vector()
    {
        Assert.Null(new Bm25SparseEncoder(60).EncodeDocument("the of and"));
        Assert.Null(Bm25SparseEncoder.EncodeQuery([]));
    }
}
