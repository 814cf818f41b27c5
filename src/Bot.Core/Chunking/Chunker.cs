using Bot.Core.Analysis;
using Bot.Core.Articles;
using Microsoft.Extensions.Options;

namespace Bot.Core.Chunking;

/// <summary>
/// Cuts an article into chunks of whole sentences within a cl100k token budget, each chunk repeating the
/// last <see cref="ChunkingOptions.OverlapSentences"/> sentences of the one before, so a fact that spans a
/// boundary is whole in at least one chunk. A chunk of a paged document never crosses a page, so its page is
/// the page of every quote in it. Same article and options, same chunks.
/// </summary>
public sealed class Chunker
{
    private readonly ChunkingOptions options;

    public Chunker(IOptions<ChunkingOptions> options)
    {
        this.options = options.Value;
        this.options.Validate();
    }

    /// <summary>
    /// Names the chunking in force; stored with indexed articles so a change re-indexes them. Bump the
    /// version when the sentence or chunk rules change what chunks come out.
    /// </summary>
    public string Signature => $"sentences-v1;max{options.MaxTokens};overlap{options.OverlapSentences}";

    public IReadOnlyList<Chunk> Chunk(Article article)
    {
        var text = article.Text;
        var units = Units(text);
        var context = ChunkContext.For(article);
        var chunks = new List<Chunk>();
        var first = 0;
        while (first < units.Count)
        {
            var last = first;
            var page = article.PageAt(units[first].Start);
            while (last + 1 < units.Count && Fits(text, units[first], units[last + 1])
                   && article.PageAt(units[last + 1].Start) == page) last++;
            var (start, end) = (units[first].Start, units[last].End);
            chunks.Add(new Chunk(Chunking.Chunk.MakeId(article.Id, chunks.Count), article.Id, chunks.Count,
                start, end, text[start..end]) { Context = context, Page = page });
            first = NextFirst(article, units, first, last);
        }
        return chunks;
    }

    /// <summary>
    /// Where the next chunk starts: up to the overlap's worth of this chunk's last units, fewer when they
    /// would leave no room for the first new one, none from an earlier page, and always past this chunk's own start.
    /// </summary>
    private int NextFirst(Article article, List<TextSpan> units, int first, int last)
    {
        var next = last + 1;
        if (next == units.Count) return next;
        var start = Math.Max(first + 1, next - options.OverlapSentences);
        var page = article.PageAt(units[next].Start);
        while (start < next && (!Fits(article.Text, units[start], units[next])
                                || article.PageAt(units[start].Start) != page)) start++;
        return start;
    }

    /// <summary>Sentences, with any sentence over the budget cut into pieces that fit.</summary>
    private List<TextSpan> Units(string text)
    {
        var units = new List<TextSpan>();
        foreach (var sentence in SentenceSplitter.Split(text))
        {
            if (TokenCounter.Fits(text, sentence.Start, sentence.End, options.MaxTokens)) units.Add(sentence);
            else units.AddRange(WordBoundarySplitter.Split(text, sentence, options.MaxTokens));
        }
        return units;
    }

    private bool Fits(string text, TextSpan from, TextSpan to) => TokenCounter.Fits(text, from.Start, to.End, options.MaxTokens);
}
