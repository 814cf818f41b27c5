using Bot.Core.Articles;
using Bot.Core.Articles.Metadata;

namespace Bot.Core.Answering.Extractive;

/// <summary>
/// Writes the answer from its plan, answer first: the short answer, then the quote that proves it
/// (<c>Oct. 4, 2017. "On Oct. 4, Islamist militants ..." [1]</c>); without a short answer the quote is attributed
/// to its source and date (<c>According to Reuters (Nov. 1, 2017), "..." [1]</c>). Every quote is verbatim with its
/// own citation; stories agreeing with the first are cited beside it (<c>[1][2]</c>); differing figures are said to
/// differ. Citations are numbered 1..n in order of use, as the validator expects.
/// </summary>
public static class AnswerComposer
{
    /// <summary>One part of the answer per quote; the answer text is their concatenation.</summary>
    public static (IReadOnlyList<string> Parts, IReadOnlyList<Citation> Citations, ShortAnswer? Short) Compose(AnswerPlan plan)
    {
        var parts = new List<string>();
        var citations = new List<Citation>();
        int Cite(PlannedQuote quote)
        {
            var article = quote.Passage.Article;
            citations.Add(new Citation(citations.Count + 1, article.Id, article.Title, article.Published, article.Source, article.Url,
                quote.Passage.Chunk.Id, quote.Text, quote.Start, quote.End));
            return citations.Count;
        }

        var first = plan.Quotes[0];
        ShortAnswer? brief = null;
        if (plan.Differing is { } differing)
        {
            var mine = Cite(first);
            var theirs = Cite(differing.Quote);
            parts.Add($"Reports differ: {plan.Short!.Text} [{mine}]; {differing.Short.Text} [{theirs}]. \"{first.Text}\" [{mine}] "
                + $"{Attribution(differing.Quote.Passage.Article)}: \"{differing.Quote.Text}\" [{theirs}]");
        }
        else
        {
            var number = Cite(first);
            var also = string.Concat(plan.Agreeing.Select(a => $"[{Cite(a)}]"));
            if (plan.Short is { } planned)
            {
                brief = new ShortAnswer(planned.Text, number, planned.Span.Text, planned.Start, planned.End);
                parts.Add($"{Sentence(planned.Text)} \"{first.Text}\" [{number}]{also}");
            }
            else parts.Add($"{Attribution(first.Passage.Article)}, \"{first.Text}\" [{number}]{also}");
        }
        foreach (var quote in plan.Quotes.Skip(1))
        {
            var lead = quote.Passage.Article.Id == first.Passage.Article.Id ? "" : $"{Attribution(quote.Passage.Article)}: ";
            parts.Add($" {lead}\"{quote.Text}\" [{Cite(quote)}]");
        }
        return (parts, citations, brief);
    }

    /// <summary>The short answer as a sentence of its own: "Four." ("U.S." keeps its one full stop).</summary>
    private static string Sentence(string text) => char.ToUpperInvariant(text[0]) + text[1..] + (text.EndsWith('.') ? "" : ".");

    /// <summary>"According to Reuters (Nov. 1, 2017)"; the title stands in for a missing source.</summary>
    public static string Attribution(ArticleSummary article)
    {
        var who = string.IsNullOrWhiteSpace(article.Source) ? $"\"{article.Title}\"" : article.Source.Trim();
        return article.Published is { } published ? $"According to {who} ({WireDate.Format(published)})" : $"According to {who}";
    }
}
