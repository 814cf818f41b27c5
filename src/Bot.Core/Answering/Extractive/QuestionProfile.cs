using Bot.Core.Analysis;
using Bot.Core.Retrieval;

namespace Bot.Core.Answering.Extractive;

/// <summary>
/// The question as the ranker sees it: its distinct content terms, each weighted by its rarity (BM25's idf),
/// the kind of short answer it wants (<see cref="QuestionIntent"/>), its words and whether it is negated. Rarity is judged in the whole archive when the
/// store gives document frequencies, else among the retrieved passages; the archive's view sees that a term is
/// rare even when every retrieved passage happens to hold it. A follow-up's query also holds the earlier turn's
/// terms (<see cref="ContextTerms"/>): they say which story is meant, not what the sentence must say, so a
/// sentence has them when its passage does ("Who announced it?" after a question about a port's containers
/// wants the sentence about the announcement, in that port's story).
/// </summary>
public sealed record QuestionProfile(
    string Question,
    IReadOnlyList<string> Terms,
    IReadOnlyDictionary<string, double> Weights,
    double TotalWeight,
    /// <summary>The weight of a term found nowhere: the scale of <see cref="Weights"/>.</summary>
    double MaxWeight,
    /// <summary>The kind of short answer wanted, read from the question as asked.</summary>
    QuestionIntent Intent,
    Words Words,
    /// <summary>Terms of the question's names and numbers (capitalised words after the first, digits).</summary>
    IReadOnlySet<string> EntityTerms,
    /// <summary>Terms the query has from earlier turns, not from the question as asked; empty for a stand-alone question.</summary>
    IReadOnlySet<string> ContextTerms)
{
    public bool Negated => Negation.IsNegated(Words);

    /// <summary>The days the question names ("October 4" as "10-04", "Oct. 4, 2017" as "2017-10-04"), to match a story's dates however written.</summary>
    public IReadOnlyList<string> Days { get; } = Spans.DateSpans.Find(Question, null).Select(d => d.Value).Where(v => v.Length is 5 or 10).ToList();

    /// <summary>Whether <paramref name="date"/> (a span value, yyyy-MM-dd) is a day the question names.</summary>
    public bool NamesDay(string date) => Days.Any(d => date.Length == 10 && (d == date || (d.Length == 5 && date.EndsWith(d, StringComparison.Ordinal))));

    /// <summary>
    /// A person's other names stand for themselves once the last name is there: "Mountari said" is about "Kalla
    /// Mountari". Maps each first-name term of a person the question names to that person's last-name term.
    /// </summary>
    public IReadOnlyDictionary<string, string> FirstNames { get; init; } = new Dictionary<string, string>();

    /// <summary>The question's analysed terms as a set.</summary>
    public IReadOnlySet<string> TermSet { get; } = Terms.ToHashSet(StringComparer.Ordinal);

    /// <param name="question">The stand-alone query the passages were retrieved with.</param>
    /// <param name="asked">The question as asked when the query was rewritten from it; it alone says what kind of answer is wanted.</param>
    public static QuestionProfile Of(string question, IReadOnlyList<IReadOnlySet<string>> passageTerms, DocumentFrequencies? frequencies = null,
        string? asked = null)
    {
        var words = Words.Of(question);
        var asking = words.Stems.Where((_, i) => words.IsAsking(i)).ToHashSet(StringComparer.Ordinal);
        var terms = TextAnalyzer.Terms(question).Where(t => !asking.Contains(t)).Distinct(StringComparer.Ordinal).ToList();
        var documents = frequencies?.Documents ?? passageTerms.Count;
        var context = ContextTermsOf(terms, asked);
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var term in terms)
            weights[term] = Idf(documents, frequencies?.Of(term) ?? passageTerms.Count(p => p.Contains(term))) * (context.Contains(term) ? ContextShare : 1);
        return new QuestionProfile(question, terms, weights, weights.Values.Sum(), Idf(documents, 0), QuestionIntent.Of(asked ?? question),
            words, EntityTermsOf(question), context) { FirstNames = FirstNamesOf(question) };
    }

    /// <summary>An earlier turn's term weighs this share of its rarity: it says which story, not which sentence.</summary>
    private const double ContextShare = 0.5;

    private static Dictionary<string, string> FirstNamesOf(string question)
    {
        var firstNames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var person in Spans.NameSpans.Find(question).Where(s => s.Kind == Spans.SpanKind.Person))
            if (TextAnalyzer.Terms(person.Text) is { Count: > 1 } names)
                foreach (var name in names.SkipLast(1)) firstNames.TryAdd(name, names[^1]);
        return firstNames;
    }

    /// <summary>A follow-up with no terms of its own ("Who was it?") is read as the whole query.</summary>
    private static IReadOnlySet<string> ContextTermsOf(IReadOnlyList<string> terms, string? asked)
    {
        var own = asked is null ? [] : TextAnalyzer.Terms(asked).ToHashSet(StringComparer.Ordinal);
        return own.Count == 0 ? new HashSet<string>() : terms.Where(t => !own.Contains(t)).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary><paramref name="terms"/> of a sentence or window, with the context terms its story's retrieved passages hold.</summary>
    public IReadOnlySet<string> Near(IReadOnlySet<string> terms, Passage passage)
    {
        if (ContextTerms.Count == 0) return terms;
        var near = new HashSet<string>(terms, StringComparer.Ordinal);
        var story = StoryTerms.GetValueOrDefault(passage.Article.Id) ?? PassageTerms.Of(passage);
        near.UnionWith(ContextTerms.Where(story.Contains));
        return near;
    }

    /// <summary>
    /// Per story, the terms of all its retrieved passages: an earlier turn's terms say which story is meant, so
    /// every sentence of that story has them alike, whichever chunk it sits in.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlySet<string>> StoryTerms { get; init; } = new Dictionary<string, IReadOnlySet<string>>();

    /// <summary>BM25's inverse document frequency: never negative, highest for a term in no document.</summary>
    private static double Idf(long documents, long frequency) =>
        Math.Log(1 + (Math.Max(documents, frequency) - frequency + 0.5) / (frequency + 0.5));

    /// <summary>A related word ("attack" for "ambush") counts this share of the question word it stands for.</summary>
    private const double RelatedShare = 0.6;

    /// <summary>The weighted share of the question's terms found in <paramref name="terms"/> (related words in part), 0..1.</summary>
    public double Coverage(IReadOnlySet<string> terms)
    {
        if (TotalWeight <= 0) return 0;
        var found = 0.0;
        foreach (var term in Terms)
            if (terms.Contains(term)) found += Weights[term];
            else if (FirstNames.TryGetValue(term, out var last) && terms.Contains(last)) found += Weights[term];
            else if (RelatedWords.Of(term).Any(terms.Contains)) found += RelatedShare * Weights[term];
        return found / TotalWeight;
    }

    /// <summary>The rarity of the rarest question term missing from <paramref name="terms"/>, 0..1 (0: none missing).</summary>
    public double MissingRarity(IReadOnlySet<string> terms)
    {
        var rarest = 0.0;
        foreach (var term in Terms)
            if (!terms.Contains(term)) rarest = Math.Max(rarest, Weights[term]);
        return MaxWeight <= 0 ? 0 : rarest / MaxWeight;
    }

    /// <summary>Whether a name or number of the question is missing from <paramref name="terms"/>.</summary>
    public bool MissesEntity(IReadOnlySet<string> terms) =>
        EntityTerms.Any(t => !terms.Contains(t) && !(FirstNames.TryGetValue(t, out var last) && terms.Contains(last)));

    private static IReadOnlySet<string> EntityTermsOf(string question)
    {
        var words = question.Split([' ', ',', '?', ';', ':', '"', '(', ')'], StringSplitOptions.RemoveEmptyEntries);
        var entities = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < words.Length; i++)
            if ((i > 0 && char.IsUpper(words[i][0])) || char.IsDigit(words[i][0]))
                entities.UnionWith(TextAnalyzer.Terms(words[i]));
        return entities;
    }
}
