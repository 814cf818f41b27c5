using Bot.Core.Analysis;
using Bot.Core.Articles.Metadata;
using Bot.Core.Chunking;
using Bot.Core.Retrieval;

namespace Bot.Core.Answering.Extractive;

/// <summary>
/// One sentence of a retrieved passage that could be quoted. <see cref="Start"/>/<see cref="End"/> are offsets
/// into the article text (chunk start plus the sentence's offset in the chunk), so <see cref="Text"/> is what a
/// citation quotes verbatim.
/// </summary>
public sealed record SentenceCandidate(
    Passage Passage,
    /// <summary>0-based rank of the passage among the retrieved ones; the citation source is Rank + 1.</summary>
    int Rank,
    /// <summary>0-based position of the sentence in its chunk.</summary>
    int Position,
    int Start,
    int End,
    string Text,
    IReadOnlySet<string> Terms)
{
    /// <summary>The article's first sentence (news leads and Wikipedia openings say the most).</summary>
    public bool OpensArticle => Position == 0 && Passage.Chunk.Ordinal == 0;

    /// <summary>Where the story's dateline place begins, for the lead sentence of a wire story ("NIAMEY (Reuters) - ..."); else null.</summary>
    public int? DatelineStart { get; init; }

    /// <summary>
    /// The lead with its dateline in front ("TUNIS (Reuters) - Turkish President ..."), the quote that proves where
    /// a story was filed; the sentence itself when it has no dateline.
    /// </summary>
    public SentenceCandidate WithDateline()
    {
        if (DatelineStart is not { } start) return this;
        var chunk = Passage.Chunk;
        var text = chunk.Text[(start - chunk.Start)..(End - chunk.Start)];
        return this with { Start = start, Text = text, Terms = TextAnalyzer.Terms(text).ToHashSet(StringComparer.Ordinal), DatelineStart = null };
    }

    /// <summary>The sentence right before or after <paramref name="other"/> in the same chunk.</summary>
    public bool IsNeighbourOf(SentenceCandidate other) =>
        Passage.Chunk.Id == other.Passage.Chunk.Id && Math.Abs(Position - other.Position) == 1;
}

/// <summary>Splits the retrieved passages into sentence candidates, each sentence once.</summary>
public static class SentenceCandidates
{
    /// <summary>
    /// Every sentence of every passage, best-ranked passage first. Chunks overlap by a sentence, so a sentence
    /// seen in a better-ranked passage of the same article is not repeated. A wire story's header (refile note,
    /// byline, "NIAMEY (Reuters) - ") is not the story: a sentence holding it is quoted from the lead on.
    /// </summary>
    public static IReadOnlyList<SentenceCandidate> From(IReadOnlyList<Passage> passages)
    {
        var seen = new HashSet<(string ArticleId, int Start)>();
        var candidates = new List<SentenceCandidate>();
        for (var rank = 0; rank < passages.Count; rank++)
        {
            var chunk = passages[rank].Chunk;
            var spans = SentenceSplitter.Split(chunk.Text);
            var dateline = chunk.Start == 0 ? DatelineParser.Parse(chunk.Text) : null;
            var leadStart = dateline?.LeadStart ?? 0;
            for (var position = 0; position < spans.Count; position++)
            {
                var span = spans[position] with { Start = Math.Max(spans[position].Start, leadStart) };
                if (span.Length <= 0) continue;
                var start = chunk.Start + span.Start;
                var text = span.Of(chunk.Text);
                // A sentence with a bracketed number ("[3]", a Wikipedia footnote) would read as a citation marker.
                if (CitationMarkers.Find(text).Count > 0 || !seen.Add((chunk.ArticleId, start))) continue;
                candidates.Add(new SentenceCandidate(passages[rank], rank, position, start, chunk.Start + span.End, text,
                    TextAnalyzer.Terms(text).ToHashSet(StringComparer.Ordinal))
                {
                    DatelineStart = dateline?.PlaceStart is { } place && span.Start == leadStart ? chunk.Start + place : null,
                });
            }
        }
        return candidates;
    }
}
