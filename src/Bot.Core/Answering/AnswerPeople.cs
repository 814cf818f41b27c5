using Bot.Core.Answering.Spans;
using Bot.Core.Retrieval;

namespace Bot.Core.Answering;

/// <summary>
/// Who an answer is about, for the next turn's "he" or "she": the people its short answer and quotes name, then
/// the people named nearest its quotes in the cited passages ("I asked them ... Defence Minister Kalla Mountari
/// told Reuters" names the minister even when the quote was the lead). Full names only, at most five.
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
        if (answer.Short is { } brief) Add(NameSpans.Find(brief.Text));
        foreach (var citation in answer.Citations) Add(NameSpans.Find(citation.Quote));
        foreach (var citation in answer.Citations)
        {
            var chunk = passages.FirstOrDefault(p => p.Chunk.Id == citation.ChunkId)?.Chunk;
            if (chunk is null) continue;
            var quoteMiddle = (citation.Start + citation.End) / 2 - chunk.Start;
            Add(NameSpans.Find(chunk.Text).OrderBy(s => Math.Abs((s.Start + s.End) / 2 - quoteMiddle)));
        }
        return people.Take(Max).ToList();
    }
}
