using Bot.Core.Answering.Spans;
using Bot.Core.Retrieval;

namespace Bot.Core.Answering;

/// <summary>
/// Who an answer is about, for the next turn's "he" or "she": the people its short answer and quotes name, then
/// the people named nearest its quotes in the cited passages ("I asked them ... Defence Minister Kalla Mountari
/// told Reuters" names the minister even when the quote was the lead), then those of the cited story's other
/// retrieved passages. Full names only, at most five.
/// </summary>
public static class AnswerPeople
{
    private const int Max = 5;

    public static IReadOnlyList<string> Of(Answer answer, IReadOnlyList<Passage> passages)
    {
        if (answer.Abstained) return [];
        var people = new List<string>();
        void Add(IEnumerable<AnswerSpan> spans)
        {
            foreach (var span in spans)
                if (span.Kind == SpanKind.Person && span.Text.Contains(' ') && !people.Contains(span.Text, StringComparer.Ordinal))
                    people.Add(span.Text);
        }
        if (answer.Short is { } brief) Add(SentenceSpans.Find(brief.Text, null));
        foreach (var citation in answer.Citations) Add(SentenceSpans.Find(citation.Quote, null));
        foreach (var citation in answer.Citations)
        {
            var chunk = passages.FirstOrDefault(p => p.Chunk.Id == citation.ChunkId)?.Chunk;
            if (chunk is null) continue;
            var quoteMiddle = (citation.Start + citation.End) / 2 - chunk.Start;
            Add(SentenceSpans.Find(chunk.Text, null).Where(s => s.Start >= StoryStart(chunk)).OrderBy(s => Math.Abs((s.Start + s.End) / 2 - quoteMiddle)));
        }
        // The cited story's other retrieved passages, nearest chunk first.
        foreach (var citation in answer.Citations)
        {
            var cited = passages.FirstOrDefault(p => p.Chunk.Id == citation.ChunkId)?.Chunk;
            if (cited is null) continue;
            foreach (var passage in passages.Where(p => p.Chunk.ArticleId == cited.ArticleId && p.Chunk.Id != cited.Id)
                         .OrderBy(p => Math.Abs(p.Chunk.Ordinal - cited.Ordinal)))
                Add(SentenceSpans.Find(passage.Chunk.Text, null).Where(s => s.Start >= StoryStart(passage.Chunk)));
        }
        return people.Take(Max).ToList();
    }

    /// <summary>The answer's short answer when it is one country or organisation ("Niger"): who "they" are next.</summary>
    public static string? GroupOf(Answer answer) =>
        answer is { Abstained: false, Short.Text: { } brief } && SentenceSpans.Find(brief, null) is [{ Kind: SpanKind.Country or SpanKind.Organisation } span]
        && span.Text == brief.TrimEnd('.') ? span.Text : null;

    /// <summary>Where the story proper begins in a chunk: after a wire story's refile note, byline and dateline.</summary>
    private static int StoryStart(Chunking.Chunk chunk) => chunk.Start == 0 ? Articles.Metadata.DatelineParser.Parse(chunk.Text)?.LeadStart ?? 0 : 0;
}
