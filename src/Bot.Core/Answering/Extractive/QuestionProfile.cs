using Bot.Core.Analysis;
using Bot.Core.Retrieval;

namespace Bot.Core.Answering.Extractive;

/// <summary>
/// The question as the ranker sees it: its distinct content terms, each weighted by how rare it is among the
/// retrieved passages (BM25's idf with the passages as the collection, so a term every passage shares says
/// little and a term no passage has weighs most), its expected answer type, and whether it is negated.
/// </summary>
public sealed record QuestionProfile(
    string Question,
    IReadOnlyList<string> Terms,
    IReadOnlyDictionary<string, double> Weights,
    double TotalWeight,
    AnswerType AnswerType,
    bool Negated,
    /// <summary>Terms of the question's names and numbers (capitalised words after the first, digits).</summary>
    IReadOnlySet<string> EntityTerms)
{
    public static QuestionProfile Of(string question, IReadOnlyList<Passage> passages, IReadOnlyList<IReadOnlySet<string>> passageTerms)
    {
        var terms = TextAnalyzer.Terms(question).Distinct(StringComparer.Ordinal).ToList();
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var term in terms)
        {
            var df = passageTerms.Count(p => p.Contains(term));
            weights[term] = Math.Log(1 + (passages.Count - df + 0.5) / (df + 0.5));
        }
        return new QuestionProfile(question, terms, weights, weights.Values.Sum(), AnswerTypes.Of(question), IsNegated(question),
            EntityTermsOf(question));
    }

    /// <summary>The weighted share of the question's terms found in <paramref name="terms"/>, 0..1.</summary>
    public double Coverage(IReadOnlySet<string> terms)
    {
        if (TotalWeight <= 0) return 0;
        var found = 0.0;
        foreach (var term in Terms)
            if (terms.Contains(term)) found += Weights[term];
        return found / TotalWeight;
    }

    /// <summary>Whether a name or number of the question is missing from <paramref name="terms"/>.</summary>
    public bool MissesEntity(IReadOnlySet<string> terms) => EntityTerms.Any(t => !terms.Contains(t));

    private static IReadOnlySet<string> EntityTermsOf(string question)
    {
        var words = question.Split([' ', ',', '?', ';', ':', '"', '(', ')'], StringSplitOptions.RemoveEmptyEntries);
        var entities = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < words.Length; i++)
            if ((i > 0 && char.IsUpper(words[i][0])) || char.IsDigit(words[i][0]))
                entities.UnionWith(TextAnalyzer.Terms(words[i]));
        return entities;
    }

    private static readonly string[] NegationWords = ["not", "never", "no", "nor", "without"];

    private static bool IsNegated(string text)
    {
        var words = text.ToLowerInvariant().Split([' ', ',', '?', '.', ';', ':', '"'], StringSplitOptions.RemoveEmptyEntries);
        return words.Any(w => NegationWords.Contains(w) || w.EndsWith("n't", StringComparison.Ordinal) || w.EndsWith("n’t", StringComparison.Ordinal));
    }

    /// <summary>Whether <paramref name="sentence"/> is negated in the same sense as a question can be.</summary>
    public static bool HasNegation(string sentence) => IsNegated(sentence);
}
