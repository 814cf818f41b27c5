using System.Text.RegularExpressions;
using Bot.Answering.SemanticKernel.Prompts;
using Bot.Core.Answering;
using Bot.Core.Chunking;

namespace Bot.Answering.SemanticKernel.Answering;

/// <summary>The model's reply turned into an answer, and what had to be dropped on the way.</summary>
public sealed record MappedReply(Answer Answer, IReadOnlyList<string> Problems);

/// <summary>
/// Turns the model's reply, whose markers [n] name prompt passages, into an <see cref="Answer"/> whose markers
/// name citations. Each cited sentence of the reply gets, for each passage it cites, the passage sentence that
/// best supports it (<see cref="SupportingSentence"/>) as a verbatim quote with article offsets; citations are
/// numbered by first use and sentences quoting the same span share a number. Markers of passages that do not
/// exist are dropped and reported. A reply that says the archive does not answer becomes an abstention.
/// </summary>
public static partial class CitationMapper
{
    /// <summary>"[Passage 2]" and "[source 2]": what smaller models write when asked for "[2]".</summary>
    [GeneratedRegex(@"\[(?:passage|source)\s+(\d{1,3})\]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LabelledMarker();

    public static MappedReply Map(string reply, IReadOnlyList<PromptPassage> passages, string question, string answerer)
    {
        var text = LabelledMarker().Replace(reply.Trim(), "[$1]");
        if (IsRefusal(text, passages.Count))
            return new MappedReply(Answer.Abstain(Abstention.Message, answerer), []);

        var problems = new List<string>();
        var sentences = SentenceSplitter.Split(text);
        var citations = new List<Citation>();
        var numberOfSpan = new Dictionary<(string ChunkId, int Start), int>();
        var supported = new HashSet<int>();
        var unknown = new SortedSet<int>();

        var rewritten = CitationMarkers.Rewrite(text, group =>
        {
            var sentence = ClaimSentence(text, sentences, group.Start);
            var claim = sentence is { } s ? CitationMarkers.Strip(s.Of(text)) : "";
            var numbers = new List<int>();
            foreach (var cited in group.Numbers)
            {
                if (cited < 1 || cited > passages.Count)
                {
                    unknown.Add(cited);
                    continue;
                }
                var citation = Quote(passages[cited - 1], claim, question);
                if (!numberOfSpan.TryGetValue((citation.ChunkId, citation.Start), out var number))
                {
                    number = citations.Count + 1;
                    numberOfSpan[(citation.ChunkId, citation.Start)] = number;
                    citations.Add(citation with { Number = number });
                }
                numbers.Add(number);
                if (sentence is { } credited) supported.Add(credited.Start);
            }
            return numbers;
        });

        foreach (var number in unknown)
            problems.Add($"The model cited passage [{number}], but the prompt had {passages.Count}; marker dropped.");
        var claims = sentences.Count(s => CitationMarkers.Strip(s.Of(text)).Any(char.IsLetterOrDigit));
        var answer = new Answer(rewritten.Trim(), false, citations)
        {
            Answerer = answerer,
            // The share of the reply's sentences that carry a citation.
            Confidence = claims == 0 ? 0 : Math.Min(1.0, (double)supported.Count / claims),
        };
        return new MappedReply(answer, problems);
    }

    /// <summary>
    /// True when the reply is the refusal the system prompt asks for: empty, or opening with the refusal sentence
    /// and citing no passage. "The archive does not say who led the patrol, but four soldiers died [1]." is a
    /// partial answer and is kept.
    /// </summary>
    public static bool IsRefusal(string reply, int passageCount)
    {
        var plain = CitationMarkers.Strip(reply).Trim().TrimStart('"', '“', '\'');
        if (plain.Length == 0) return true;
        if (!plain.StartsWith(Abstention.Message.TrimEnd('.'), StringComparison.OrdinalIgnoreCase)) return false;
        var citesPassage = CitationMarkers.Find(reply).SelectMany(g => g.Numbers).Any(n => n >= 1 && n <= passageCount);
        var onlyTheSentence = plain.TrimEnd('.', '"', '”', '\'', ' ').Length <= Abstention.Message.Length;
        return onlyTheSentence || !citesPassage;
    }

    /// <summary>
    /// The sentence a marker belongs to. Models put markers before or after the full stop; a marker that opens a
    /// sentence ("... in Niger. [1] The patrol ...") belongs to the sentence before it.
    /// </summary>
    private static TextSpan? ClaimSentence(string text, IReadOnlyList<TextSpan> sentences, int marker)
    {
        var index = -1;
        for (var i = 0; i < sentences.Count && sentences[i].Start <= marker; i++) index = i;
        if (index < 0) return null;
        var before = CitationMarkers.Strip(text[sentences[index].Start..marker]);
        if (index > 0 && !before.Any(char.IsLetterOrDigit)) index--;
        return sentences[index];
    }

    private static Citation Quote(PromptPassage source, string claim, string question)
    {
        var (chunk, article) = (source.Passage.Chunk, source.Passage.Article);
        var span = SupportingSentence.Find(chunk, claim, question);
        return new Citation(0, article.Id, article.Title, article.Published, article.Source, article.Url, chunk.Id,
            span.Of(chunk.Text), chunk.Start + span.Start, chunk.Start + span.End);
    }
}
