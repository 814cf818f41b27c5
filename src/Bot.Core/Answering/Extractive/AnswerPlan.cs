using Bot.Core.Answering.Spans;
using Bot.Core.Retrieval;

namespace Bot.Core.Answering.Extractive;

/// <summary>One quote of the answer: a verbatim run of whole sentences of one passage (a sentence, or a sentence with the neighbour that completes it).</summary>
public sealed record PlannedQuote(Passage Passage, int Start, int End, string Text)
{
    public static PlannedQuote Of(IReadOnlyList<SentenceCandidate> sentences)
    {
        var first = sentences.MinBy(s => s.Start)!;
        var last = sentences.MaxBy(s => s.End)!;
        var chunk = first.Passage.Chunk;
        return new PlannedQuote(first.Passage, first.Start, last.End, chunk.Text[(first.Start - chunk.Start)..(last.End - chunk.Start)]);
    }
}

/// <summary>The short answer and where in the first quote it stands.</summary>
public sealed record PlannedShortAnswer(string Text, AnswerSpan Span, int Start, int End);

/// <summary>
/// What the answer says, before it is written: the quotes (each cited), the short answer leading them, other
/// stories saying the same (cited beside the first quote), or another story's differing figure (then no single
/// short answer leads: the two are set side by side).
/// </summary>
public sealed record AnswerPlan(IReadOnlyList<PlannedQuote> Quotes, PlannedShortAnswer? Short, IReadOnlyList<PlannedQuote> Agreeing,
    (PlannedQuote Quote, PlannedShortAnswer Short)? Differing);

/// <summary>
/// Chooses what to quote: the best sentence (with the neighbour that completes it, as one quote), a second
/// sentence only when it too answers the question about as well, never a chain of loosely related ones. For a
/// question wanting a name, date or amount the best sentence's short answer leads; other stories giving the same
/// answer are cited with the first quote; a close rival story giving a different figure or date is reported as
/// such.
/// </summary>
public static class AnswerPlanner
{
    /// <summary>
    /// Without a short answer, another sentence is quoted when it scores this share of the best and covers at least
    /// <see cref="SecondCoverageRatio"/> of what the best covers (never abstaining, up to three quotes against up to two:
    /// containment 0.93 against 0.90 on four SQuAD-half articles, 0.74 against 0.72 on half the news set).
    /// </summary>
    private const double UntypedScoreRatio = 0.6;
    private const double SecondCoverageRatio = 0.5;
    /// <summary>With a short answer, another sentence holding one is quoted when it covers this share of what the best covers.</summary>
    private const double TypedCoverageRatio = 0.6;
    /// <summary>Another story's sentence with the same short answer is cited when it scores this share of the best.</summary>
    private const double AgreeingScoreRatio = 0.7;
    /// <summary>A rival story's different figure is reported when its sentence scores this share of the best and covers as much.</summary>
    private const double DifferingScoreRatio = 0.9;
    private const int MaxAgreeing = 2;

    public static AnswerPlan Plan(ExtractiveReading reading, int maxQuotes)
    {
        var opening = reading.Lead ?? throw new ArgumentException("A reading without a best sentence has nothing to quote.", nameof(reading));
        var best = opening.Best;
        var lead = new List<SentenceCandidate> { best.Candidate };
        if (opening.Completing is { } completing) lead.Add(completing);
        var quotes = new List<PlannedQuote> { PlannedQuote.Of(lead) };
        var answer = opening.Answer;
        var shortAnswer = answer is null ? null : ShortOf(opening.AnswerSentence, answer.Span);

        var agreeing = new List<PlannedQuote>();
        (PlannedQuote, PlannedShortAnswer)? differing = null;
        var article = best.Candidate.Passage.Article.Id;
        foreach (var other in reading.Ranked.Skip(1))
        {
            if (lead.Contains(other.Candidate) || quotes.Any(q => Covers(q, other.Candidate))) continue;
            var otherArticle = other.Candidate.Passage.Article.Id != article;
            if (answer is not null && other.Features.Answer is { } theirs)
            {
                if (otherArticle && theirs.Span.Value == answer.Span.Value && other.Score >= AgreeingScoreRatio * best.Score)
                {
                    if (agreeing.Count < MaxAgreeing && !agreeing.Any(a => a.Passage.Article.Id == other.Candidate.Passage.Article.Id))
                        agreeing.Add(PlannedQuote.Of([other.Candidate]));
                    continue;
                }
                if (differing is null && otherArticle && Contradicts(answer, theirs)
                    && other.Score >= DifferingScoreRatio * best.Score && other.Features.Coverage >= best.Features.Coverage)
                {
                    differing = (PlannedQuote.Of([other.Candidate]), ShortOf(other.Candidate, theirs.Span));
                    continue;
                }
            }
            // With a short answer, another quote must hold one too and say nearly as much of the question (retrieval
            // rank aside); without, it must score near the best.
            var second = shortAnswer is null
                ? other.Score >= UntypedScoreRatio * best.Score && other.Features.Coverage >= SecondCoverageRatio * best.Features.Coverage
                : other.Features.Answer is not null && other.Features.Coverage >= TypedCoverageRatio * best.Features.Coverage;
            if (quotes.Count < maxQuotes && differing is null && second)
                quotes.Add(PlannedQuote.Of([other.Candidate]));
        }
        if (reading.Question.Intent.Why && quotes.Count < maxQuotes && !quotes.Any(q => SentenceRanker.StatesReason(q.Text))
            && ReasonInStory(reading, article, quotes) is { } reason)
            quotes.Add(PlannedQuote.Of([reason]));
        return new AnswerPlan(quotes, shortAnswer, agreeing, differing);
    }

    /// <summary>
    /// For "why", the sentence that matches the question best often restates what happened; the story's best
    /// sentence stating a reason outright ("because they could not explain...") is quoted with it.
    /// </summary>
    private static SentenceCandidate? ReasonInStory(ExtractiveReading reading, string article, IReadOnlyList<PlannedQuote> quotes) =>
        reading.Ranked.FirstOrDefault(r => r.Candidate.Passage.Article.Id == article && r.Features.Coverage > 0
            && !quotes.Any(q => Covers(q, r.Candidate)) && SentenceRanker.StatesReason(r.Candidate.Text))?.Candidate;

    /// <summary>
    /// Two stories contradict each other on a figure or a day, never a name (names differ for many good reasons):
    /// both short answers stand right by the question's words, count the same thing, and differ.
    /// </summary>
    private static bool Contradicts(ShortAnswerCandidate mine, ShortAnswerCandidate theirs) =>
        (mine.Span.IsAmount || (mine.Span.Kind == SpanKind.Date && mine.Span.Value.Length == 10))
        && theirs.Span.Kind == mine.Span.Kind && theirs.Span.Value.Length == mine.Span.Value.Length && theirs.Span.Value != mine.Span.Value
        && mine.Focused == theirs.Focused && mine.Nearness >= ContradictionNearness && theirs.Nearness >= ContradictionNearness;

    private const double ContradictionNearness = 0.5;

    private static bool Covers(PlannedQuote quote, SentenceCandidate sentence) =>
        quote.Passage.Article.Id == sentence.Passage.Article.Id && quote.Start <= sentence.Start && sentence.End <= quote.End;

    private static PlannedShortAnswer ShortOf(SentenceCandidate sentence, AnswerSpan span)
    {
        var text = span.Kind == SpanKind.Date ? DateSpans.Complete(span, sentence.Passage.Article.Published) : span.Text;
        return new PlannedShortAnswer(text, span, sentence.Start + span.Start, sentence.Start + span.End);
    }
}
