using Bot.Core.Chunking;
using Bot.Core.Retrieval;

namespace Bot.Core.Answering;

/// <summary>
/// The last gate before anyone sees an answer, whichever answerer made it. Valid means: every marker refers to
/// a listed citation, every citation is used, citations are numbered 1..n in order of first use, and every
/// quote is a verbatim span of its article, checked against the passages the answer was made from. Anything
/// else is repaired (bad markers dropped, unused citations dropped, offsets corrected, renumbered; a short answer
/// that is not a verbatim span of its citation's quote dropped with the sentence it opens) or, when
/// nothing cited remains, refused: the answer becomes an abstention. An invalid answer is never passed on as is.
/// </summary>
public static class CitationValidator
{
    public static ValidationResult Validate(Answer answer, IReadOnlyList<Passage> passages)
    {
        var problems = new List<string>();
        var chunks = IndexChunks(passages);
        // A PDF quote's page is its chunk's to say, whichever answerer cited it; setting it is no repair.
        if (answer.Citations.Any(c => chunks.TryGetValue(c.ChunkId, out var p) && p.Chunk.Page != c.Page))
            answer = answer with { Citations = answer.Citations.Select(c => chunks.TryGetValue(c.ChunkId, out var p) ? c with { Page = p.Chunk.Page } : c).ToList() };
        var cited = CheckCitations(answer.Citations, chunks, problems);

        if (answer.Abstained)
            return Result(answer, CleanAbstention(answer, problems), problems);

        var renumbered = Renumber(answer.Text, cited, problems);
        if (!answer.Citations.Select(c => c.Number).SequenceEqual(answer.Citations.Select(c => c.Number).Order()))
            problems.Add("Citations were not listed in number order; sorted.");
        foreach (var number in cited.Keys.Where(n => !renumbered.Used.Contains(n)))
            problems.Add($"Citation [{number}] is never referred to in the text; dropped.");

        if (renumbered.Citations.Count == 0 || CitationMarkers.Strip(renumbered.Text).Trim().Length == 0)
        {
            problems.Add("Nothing cited remains; the answer is withheld.");
            return Result(answer, Refusal(answer), problems);
        }
        var brief = CheckShortAnswer(answer.Short, cited, renumbered, problems);
        var text = answer.Short is { } claimed && brief is null ? WithoutShortAnswer(renumbered.Text, claimed) : renumbered.Text;
        return Result(answer, answer with { Text = text, Citations = renumbered.Citations, Short = brief }, problems);
    }

    /// <summary>
    /// The short answer with its citation renumbered, when its span is a verbatim part of that citation's quote
    /// (offsets corrected if need be) and its text holds the span; else null.
    /// </summary>
    private static ShortAnswer? CheckShortAnswer(ShortAnswer? brief, Dictionary<int, Citation> cited, Renumbered renumbered, List<string> problems)
    {
        if (brief is null) return null;
        if (!cited.TryGetValue(brief.Citation, out var citation) || !renumbered.NewNumbers.TryGetValue(brief.Citation, out var number))
        {
            problems.Add($"The short answer refers to citation [{brief.Citation}], which is not valid; dropped.");
            return null;
        }
        if (brief.Span.Length == 0 || !brief.Text.Contains(brief.Span, StringComparison.Ordinal))
        {
            problems.Add("The short answer does not hold its span; dropped.");
            return null;
        }
        var located = brief;
        var inside = brief.Start >= citation.Start && brief.End <= citation.End && brief.End - brief.Start == brief.Span.Length
            && string.CompareOrdinal(citation.Quote, brief.Start - citation.Start, brief.Span, 0, brief.Span.Length) == 0;
        if (!inside)
        {
            var at = citation.Quote.IndexOf(brief.Span, StringComparison.Ordinal);
            if (at < 0)
            {
                problems.Add($"The short answer is not a verbatim span of citation [{brief.Citation}]'s quote; dropped.");
                return null;
            }
            problems.Add("The short answer's offsets were wrong; corrected.");
            located = brief with { Start = citation.Start + at, End = citation.Start + at + brief.Span.Length };
        }
        return located with { Citation = number };
    }

    /// <summary>The text without a dropped short answer's opening sentence ("Four. "), so nothing unproven is shown.</summary>
    private static string WithoutShortAnswer(string text, ShortAnswer brief) =>
        brief.OpeningOf(text) is { } opening ? text[opening.Length..].TrimStart() : text;

    private static ValidationResult Result(Answer original, Answer repaired, List<string> problems) =>
        problems.Count == 0 ? new(original, problems) : new(repaired, problems);

    private static Answer Refusal(Answer answer) =>
        Answer.Abstain(Abstention.Message, answer.Answerer) with { RetrievalQuery = answer.RetrievalQuery };

    private static Dictionary<string, Passage> IndexChunks(IReadOnlyList<Passage> passages)
    {
        var chunks = new Dictionary<string, Passage>(StringComparer.Ordinal);
        foreach (var passage in passages) chunks.TryAdd(passage.Chunk.Id, passage);
        return chunks;
    }

    /// <summary>The citations that survive checking, by their number as written.</summary>
    private static Dictionary<int, Citation> CheckCitations(
        IReadOnlyList<Citation> citations, Dictionary<string, Passage> chunks, List<string> problems)
    {
        var valid = new Dictionary<int, Citation>();
        var seen = new HashSet<int>();
        foreach (var citation in citations)
        {
            if (citation.Number < 1)
            {
                problems.Add($"Citation number {citation.Number} is not a positive number; dropped.");
                continue;
            }
            if (!seen.Add(citation.Number))
            {
                problems.Add($"Two citations are numbered [{citation.Number}]; the second is dropped.");
                continue;
            }
            if (CheckCitation(citation, chunks, problems) is { } checkedCitation)
                valid[citation.Number] = checkedCitation;
        }
        return valid;
    }

    /// <summary>The citation with its quote proven verbatim and its article details taken from the passage, or null.</summary>
    private static Citation? CheckCitation(Citation citation, Dictionary<string, Passage> chunks, List<string> problems)
    {
        var label = $"Citation [{citation.Number}]";
        if (!chunks.TryGetValue(citation.ChunkId, out var passage))
        {
            problems.Add($"{label} quotes chunk '{citation.ChunkId}', which is not among the passages the answer was made from; dropped.");
            return null;
        }
        if (string.IsNullOrWhiteSpace(citation.Quote))
        {
            problems.Add($"{label} has an empty quote; dropped.");
            return null;
        }

        var chunk = passage.Chunk;
        var located = citation;
        if (!IsVerbatimAt(citation.Quote, chunk, citation.Start, citation.End))
        {
            var at = chunk.Text.IndexOf(citation.Quote, StringComparison.Ordinal);
            if (at < 0)
            {
                problems.Add($"{label} quote is not a verbatim span of chunk '{chunk.Id}'; dropped.");
                return null;
            }
            problems.Add($"{label} quote offsets {citation.Start}..{citation.End} were wrong; corrected.");
            located = citation with { Start = chunk.Start + at, End = chunk.Start + at + citation.Quote.Length };
        }

        var article = passage.Article;
        var described = located with
        {
            ArticleId = chunk.ArticleId,
            Title = article.Title,
            Published = article.Published,
            Source = article.Source,
            Url = article.Url,
        };
        if (described != located)
            problems.Add($"{label} article details did not match chunk '{chunk.Id}'; taken from the passage.");
        return described;
    }

    private static bool IsVerbatimAt(string quote, Chunk chunk, int start, int end) =>
        start >= chunk.Start && end <= chunk.End && end - start == quote.Length
        && string.CompareOrdinal(chunk.Text, start - chunk.Start, quote, 0, quote.Length) == 0;

    private sealed record Renumbered(string Text, IReadOnlyList<Citation> Citations, IReadOnlySet<int> Used, IReadOnlyDictionary<int, int> NewNumbers);

    /// <summary>
    /// Walks the markers in reading order: a marker of a valid citation gets that citation's new number (1..n by
    /// first use; two citations of the same span share one), any other marker is dropped.
    /// </summary>
    private static Renumbered Renumber(string text, Dictionary<int, Citation> cited, List<string> problems)
    {
        var newNumbers = new Dictionary<int, int>();
        var bySpan = new Dictionary<(string ChunkId, int Start, int End), int>();
        var kept = new List<Citation>();
        var unknown = new SortedSet<int>();

        int? Assign(int written)
        {
            if (newNumbers.TryGetValue(written, out var known)) return known;
            if (!cited.TryGetValue(written, out var citation))
            {
                unknown.Add(written);
                return null;
            }
            var span = (citation.ChunkId, citation.Start, citation.End);
            if (!bySpan.TryGetValue(span, out var number))
            {
                number = kept.Count + 1;
                bySpan[span] = number;
                kept.Add(citation with { Number = number });
            }
            else
                problems.Add($"Citation [{written}] quotes the same span as another; merged into [{number}].");
            newNumbers[written] = number;
            return number;
        }

        var rewritten = CitationMarkers.Rewrite(text, group =>
        {
            if (!group.IsCanonical)
                problems.Add($"Marker '{text[group.Start..group.End]}' rewritten in the form [n].");
            return group.Numbers.Select(Assign).OfType<int>().ToList();
        });

        foreach (var number in unknown)
            problems.Add($"Marker [{number}] refers to no valid citation; dropped.");
        if (newNumbers.Any(pair => pair.Key != pair.Value))
            problems.Add("Citations were not numbered 1..n in order of first use; renumbered.");
        return new Renumbered(rewritten, kept, newNumbers.Keys.ToHashSet(), newNumbers);
    }

    /// <summary>An abstention cites nothing: markers and citations go, the message stays.</summary>
    private static Answer CleanAbstention(Answer answer, List<string> problems)
    {
        if (answer.Citations.Count > 0)
            problems.Add("An abstention cannot carry citations; dropped.");
        var text = answer.Text;
        if (CitationMarkers.Find(text).Count > 0)
        {
            problems.Add("An abstention cannot carry citation markers; dropped.");
            text = CitationMarkers.Strip(text).Trim();
        }
        if (string.IsNullOrWhiteSpace(text))
        {
            problems.Add("An abstention needs a message; the standard one is used.");
            text = Abstention.Message;
        }
        return answer with { Text = text, Citations = [] };
    }
}

/// <summary>
/// What <see cref="CitationValidator"/> found. <see cref="Repaired"/> is the answer to show: the original when
/// it was valid, else its repair or an abstention. <see cref="Problems"/> say, for logs, what was wrong.
/// </summary>
public sealed record ValidationResult(Answer Repaired, IReadOnlyList<string> Problems)
{
    public bool WasValid => Problems.Count == 0;
}
