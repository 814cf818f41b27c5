using Bot.Core.Analysis;
using Bot.Core.Chunking;

namespace Bot.Answering.SemanticKernel.Answering;

/// <summary>
/// Picks the sentence of a passage that best supports a claim: the one sharing the most analysed terms with
/// the claim; ties go to the one sharing more with the question, then to the earlier one. The result is a
/// span of the chunk text, so the quote is verbatim by construction.
/// </summary>
public static class SupportingSentence
{
    public static TextSpan Find(Chunk chunk, string claim, string question)
    {
        var claimTerms = TextAnalyzer.Terms(claim).ToHashSet(StringComparer.Ordinal);
        var questionTerms = TextAnalyzer.Terms(question).ToHashSet(StringComparer.Ordinal);
        var best = new TextSpan(0, chunk.Text.Length);
        var bestScore = (-1, -1);
        foreach (var sentence in SentenceSplitter.Split(chunk.Text))
        {
            var terms = TextAnalyzer.Terms(sentence.Of(chunk.Text)).ToHashSet(StringComparer.Ordinal);
            var score = (terms.Count(claimTerms.Contains), terms.Count(questionTerms.Contains));
            if (score.CompareTo(bestScore) <= 0) continue;
            best = sentence;
            bestScore = score;
        }
        return best;
    }
}
