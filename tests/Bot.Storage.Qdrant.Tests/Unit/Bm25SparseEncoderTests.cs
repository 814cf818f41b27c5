using Bot.Core.Analysis;
using Bot.Storage.Qdrant.Lexical;

namespace Bot.Storage.Qdrant.Tests.Unit;

public sealed class Bm25SparseEncoderTests
{
    private const double K1 = 1.2, B = 0.75;

    // FNV-1a 32-bit of the UTF-8 bytes, checked against an independent Python implementation.
    [Theory]
    [InlineData("a", 3826002220u)]
    [InlineData("drone", 4241786385u)]
    [InlineData("été", 4290086935u)]
    public void Term_index_is_the_fnv1a_hash_of_the_utf8_term(string term, uint expected) =>
        Assert.Equal(expected, Bm25SparseEncoder.TermIndex(term));

    [Fact]
    public void A_pair_index_carries_on_from_its_first_terms_hash() =>
        Assert.Equal(Bm25SparseEncoder.TermIndex("arm_drone"), Bm25SparseEncoder.PairIndex(Bm25SparseEncoder.TermIndex("arm"), "drone"));

    [Fact]
    public void Document_weights_follow_bm25_term_frequency_saturation_and_length_normalisation()
    {
        const double avg = 4;
        const string context = "Niger drones", text = "drones drones drones Niger";
        var vector = new Bm25SparseEncoder(avg).EncodeDocument(TextAnalyzer.Terms(context), TextAnalyzer.Terms(text))!;
        var counts = TextAnalyzer.TermCounts(context + "\n" + text);
        var pairs = TextAnalyzer.Pairs(TextAnalyzer.Terms(text)).CountBy(p => p).ToDictionary();
        var length = counts.Values.Sum(); // pairs do not lengthen the chunk
        Assert.Equal(counts.Count + pairs.Count, vector.Indices.Length);
        foreach (var (term, tf) in counts.Concat(pairs))
        {
            var expected = tf * (K1 + 1) / (tf + K1 * (1 - B + B * length / avg));
            var position = Array.IndexOf(vector.Indices, Bm25SparseEncoder.TermIndex(term));
            Assert.Equal(expected, vector.Values[position], 5);
        }
        Assert.True(vector.Indices.SequenceEqual(vector.Indices.Order()), "indices sorted and unique");
    }

    [Fact]
    public void Pairs_come_from_the_body_only_and_never_span_the_context_line()
    {
        var vector = new Bm25SparseEncoder(10).EncodeDocument(TextAnalyzer.Terms("Niger drones"), TextAnalyzer.Terms("armed drones"))!;
        var indices = vector.Indices.ToHashSet();
        Assert.Contains(Bm25SparseEncoder.TermIndex("arm_drone"), indices);
        Assert.DoesNotContain(Bm25SparseEncoder.TermIndex("niger_drone"), indices);
        Assert.DoesNotContain(Bm25SparseEncoder.TermIndex("drone_arm"), indices);
    }

    [Fact]
    public void A_longer_chunk_weighs_the_same_term_frequency_less()
    {
        var encoder = new Bm25SparseEncoder(10);
        float WeightOfDrones(string text)
        {
            var vector = encoder.EncodeDocument([], TextAnalyzer.Terms(text))!;
            return vector.Values[Array.IndexOf(vector.Indices, Bm25SparseEncoder.TermIndex(TextAnalyzer.Stem("drones")))];
        }
        var shortChunk = WeightOfDrones("drones Niger");
        var longChunk = WeightOfDrones("drones Niger Sahel region army groups attack border deaths soldiers");
        Assert.True(longChunk < shortChunk, $"{longChunk} < {shortChunk}");
    }

    [Fact]
    public void Query_weights_each_distinct_term_once_and_each_distinct_pair_half()
    {
        var query = Bm25SparseEncoder.EncodeQuery(["arm", "drone", "niger", "arm", "drone"])!;
        var weights = query.Indices.Zip(query.Values).ToDictionary(p => p.First, p => p.Second);
        Assert.Equal(new Dictionary<uint, float>
        {
            [Bm25SparseEncoder.TermIndex("arm")] = 1f,
            [Bm25SparseEncoder.TermIndex("drone")] = 1f,
            [Bm25SparseEncoder.TermIndex("niger")] = 1f,
            [Bm25SparseEncoder.TermIndex("arm_drone")] = 0.5f,
            [Bm25SparseEncoder.TermIndex("drone_niger")] = 0.5f,
            [Bm25SparseEncoder.TermIndex("niger_arm")] = 0.5f,
        }, weights);
        Assert.True(query.Indices.SequenceEqual(query.Indices.Order()), "indices sorted and unique");
    }

    [Fact]
    public void Text_without_terms_has_no_vector()
    {
        Assert.Null(new Bm25SparseEncoder(60).EncodeDocument([], TextAnalyzer.Terms("the of and")));
        Assert.Null(Bm25SparseEncoder.EncodeQuery([]));
    }
}
