using System.Diagnostics;
using System.Runtime.CompilerServices;
using Bot.Core.Answering;
using Bot.Core.Answering.Extractive;
using Bot.Core.Conversations;
using Bot.Core.Retrieval;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bot.Core.Evaluation;

/// <summary>
/// One question asked with abstention off: the answer that came back, whether it contains a gold answer, whether
/// the citation validator had to change it, the confidence features of the extractive reading (for fitting), and
/// how long the answerer and the whole ask took.
/// </summary>
public sealed record AnswerOutcome(EvalQuestion Question, Answer Answer, bool CitationFailure, double[]? Features,
    double AnswerMilliseconds, double TotalMilliseconds, IReadOnlyList<string>? RetrievedTitles = null)
{
    /// <summary>Retrieval brought the gold story among the passages the answer was made from.</summary>
    public bool StoryRetrieved { get; } = RetrievedTitles?.Any(t => SameTitle(t, Question.Story)) == true;

    public bool Answered => !Answer.Abstained;
    public double Confidence => Answer.Confidence;
    /// <summary>The story (or Wikipedia article) the question is about; folds never split one.</summary>
    public string Story => Question.Story;

    public bool Contains { get; } = !Answer.Abstained && SquadText.ContainsAny(Answer.Text, Question.Answers);

    /// <summary>Some citation quotes the gold story (a title cut short with "…" matches the title it begins).</summary>
    public bool CitesStory { get; } = Answer.Citations.Any(c => SameTitle(c.Title, Question.Story));

    public static bool SameTitle(string a, string b)
    {
        var (x, y) = (a.Trim(), b.Trim());
        if (string.Equals(x, y, StringComparison.OrdinalIgnoreCase)) return true;
        static bool Begins(string cut, string whole) =>
            cut.EndsWith('…') && cut.Length > 20 && whole.StartsWith(cut[..^1].TrimEnd(), StringComparison.OrdinalIgnoreCase);
        return Begins(x, y) || Begins(y, x);
    }

    /// <summary>Some citation quotes the gold supporting sentence (or the sentence is part of a quote, or a quote part of it).</summary>
    public bool QuotesSupport { get; } = Question.Support is { } support && Answer.Citations.Any(c => SquadText.Overlaps(c.Quote, support));

    /// <summary>The short answer matches a gold answer with SQuAD F1 of 0.5 or more.</summary>
    public bool ShortAnswerMatches { get; } = Answer.Short is { } brief && Question.Answers.Any(g => SquadText.F1(brief.Text, g) >= 0.5);

    /// <summary>Answering beats abstaining (a gold answer is quoted) or abstaining beats answering (no answer exists).</summary>
    public bool? AnswerIsBetter => Question.IsImpossible ? false : Contains ? true : null;
}

/// <summary>
/// The answer metrics of `bot eval answers`, every share in 0..1. <see cref="Answered"/>, <see cref="Containment"/>,
/// <see cref="RightArticle"/>, <see cref="SupportQuoted"/> are over answerable questions (the last two among
/// those answered); <see cref="ShortAnswerMatch"/> over answerable who/when/where/how-many questions;
/// <see cref="FollowUpContainment"/> over answerable follow-ups.
/// </summary>
public sealed record AnswerMetrics(int Questions, int Answerable, double Containment, int Unanswerable, double Abstention,
    double FalseAbstention, double Overall, int CitationFailures)
{
    public double Answered => 1 - FalseAbstention;
    /// <summary>Answerable questions whose story retrieval brought among the passages (whatever the threshold).</summary>
    public double StoryRetrieved { get; init; }
    public double RightArticle { get; init; }
    public double SupportQuoted { get; init; }
    public int ShortAnswerQuestions { get; init; }
    public double ShortAnswerMatch { get; init; }
    public int FollowUps { get; init; }
    public double FollowUpContainment { get; init; }
}

public sealed record CurvePoint(double Threshold, AnswerMetrics Metrics);

/// <summary>Milliseconds per question: the answerer alone (after retrieval) and the whole ask.</summary>
public sealed record Latency(double AnswerP50, double AnswerP95, double TotalP50, double TotalP95)
{
    public static Latency Of(IReadOnlyList<AnswerOutcome> outcomes) => new(
        Percentile(outcomes.Select(o => o.AnswerMilliseconds), 0.50), Percentile(outcomes.Select(o => o.AnswerMilliseconds), 0.95),
        Percentile(outcomes.Select(o => o.TotalMilliseconds), 0.50), Percentile(outcomes.Select(o => o.TotalMilliseconds), 0.95));

    private static double Percentile(IEnumerable<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
    }
}

/// <summary>
/// Asks every question through <see cref="AskService"/> (so citations are validated as in production) once with
/// abstention off, then works out any threshold's metrics from the recorded confidences: a question is abstained
/// on at threshold t exactly when its confidence is below t, so one pass gives the whole curve. A follow-up is
/// asked in a conversation of its own, right after the question it follows.
/// </summary>
public static class AnswerEvaluation
{
    public const double RequiredContainment = 0.60;

    public static async Task<IReadOnlyList<AnswerOutcome>> AskAllAsync(Retriever retriever, IAnswerer answerer, ConversationMemory memory,
        IReadOnlyList<EvalQuestion> questions, bool recordFeatures, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        var byId = questions.GroupBy(q => q.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var outcomes = new AnswerOutcome[questions.Count];
        var done = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, outcomes.Length),
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                var question = questions[i];
                string? conversation = null;
                if (question.After is { } after && byId.TryGetValue(after, out var first))
                {
                    conversation = $"eval-{question.Id}-{Guid.NewGuid():N}";
                    await AskAsync(retriever, answerer, memory, first.Text, conversation, recordFeatures: false, ct);
                }
                var (final, probe, total) = await AskAsync(retriever, answerer, memory, question.Text, conversation, recordFeatures, ct);
                var failed = probe.Raw is null || !CitationValidator.Validate(probe.Raw, probe.Passages).WasValid;
                outcomes[i] = new AnswerOutcome(question, final, failed, probe.Features, probe.Milliseconds, total,
                    probe.Passages.Select(p => p.Article.Title).Distinct().ToList());
                progress?.Report(Interlocked.Increment(ref done));
            });
        return outcomes;
    }

    private static async Task<(Answer Final, AnswerProbe Probe, double Milliseconds)> AskAsync(Retriever retriever, IAnswerer answerer,
        ConversationMemory memory, string question, string? conversation, bool recordFeatures, CancellationToken ct)
    {
        var probe = new AnswerProbe(answerer, recordFeatures);
        var ask = new AskService(retriever, probe, FollowUpQueryRewriter.Instance, memory, NullLogger<AskService>.Instance);
        var clock = Stopwatch.StartNew();
        Answer? final = null;
        await foreach (var update in ask.AskAsync(new AskRequest(question, conversation), ct))
            if (update is AnswerFinal { Answer: var answer }) final = answer;
        return (final ?? Answer.Abstain(Abstention.Message, answerer.Name), probe, clock.Elapsed.TotalMilliseconds);
    }

    /// <summary>The metrics when the bot answers exactly the questions <paramref name="answers"/> picks.</summary>
    public static AnswerMetrics Measure(IReadOnlyList<AnswerOutcome> outcomes, Func<AnswerOutcome, bool> answers)
    {
        int answerable = 0, contained = 0, falseAbstentions = 0, unanswerable = 0, abstentions = 0;
        int answeredAnswerable = 0, rightArticle = 0, withSupport = 0, supportQuoted = 0;
        int shortQuestions = 0, shortMatches = 0, followUps = 0, followUpsContained = 0;
        foreach (var o in outcomes)
        {
            var answered = o.Answered && answers(o);
            if (o.Question.IsImpossible)
            {
                unanswerable++;
                if (!answered) abstentions++;
                continue;
            }
            answerable++;
            if (answered && o.Contains) contained++;
            if (!answered) falseAbstentions++;
            else
            {
                answeredAnswerable++;
                if (o.CitesStory) rightArticle++;
                if (o.Question.Support is not null)
                {
                    withSupport++;
                    if (o.QuotesSupport) supportQuoted++;
                }
            }
            if (o.Question.WantsShortAnswer)
            {
                shortQuestions++;
                if (answered && o.ShortAnswerMatches) shortMatches++;
            }
            if (o.Question.After is not null)
            {
                followUps++;
                if (answered && o.Contains) followUpsContained++;
            }
        }
        static double Share(int part, int whole) => whole == 0 ? 0 : part / (double)whole;
        return new AnswerMetrics(outcomes.Count, answerable, Share(contained, answerable), unanswerable, Share(abstentions, unanswerable),
            Share(falseAbstentions, answerable), Share(contained + abstentions, outcomes.Count), outcomes.Count(o => o.CitationFailure))
        {
            StoryRetrieved = Share(outcomes.Count(o => !o.Question.IsImpossible && o.StoryRetrieved), answerable),
            RightArticle = Share(rightArticle, answeredAnswerable),
            SupportQuoted = Share(supportQuoted, withSupport),
            ShortAnswerQuestions = shortQuestions,
            ShortAnswerMatch = Share(shortMatches, shortQuestions),
            FollowUps = followUps,
            FollowUpContainment = Share(followUpsContained, followUps),
        };
    }

    public static AnswerMetrics At(IReadOnlyList<AnswerOutcome> outcomes, double threshold, Func<AnswerOutcome, double>? confidence = null)
    {
        confidence ??= o => o.Confidence;
        return Measure(outcomes, o => confidence(o) >= threshold);
    }

    /// <summary>Metrics at thresholds 0, 0.05 ... 1 and beyond 1 (always abstain).</summary>
    public static IReadOnlyList<CurvePoint> Curve(IReadOnlyList<AnswerOutcome> outcomes, Func<AnswerOutcome, double>? confidence = null) =>
        Enumerable.Range(0, 21).Select(i => i * 0.05).Append(1.01)
            .Select(t => new CurvePoint(t, At(outcomes, t, confidence))).ToList();

    /// <summary>
    /// The threshold (on a 0.01 grid) with the best overall accuracy, the mean of each question set's, among those
    /// keeping every set's containment at <see cref="RequiredContainment"/> or more; never abstaining when none does.
    /// </summary>
    public static double PickThreshold(IReadOnlyList<AnswerOutcome> outcomes, Func<AnswerOutcome, double>? confidence = null)
    {
        var sets = outcomes.GroupBy(o => o.Question.Set).Select(g => g.ToList()).ToList();
        var best = (Threshold: 0.0, Overall: -1.0);
        for (var i = 0; i <= 100; i++)
        {
            var metrics = sets.Select(set => At(set, i / 100.0, confidence)).ToList();
            var overall = metrics.Average(m => m.Overall);
            if (metrics.All(m => m.Containment >= RequiredContainment) && overall > best.Overall) best = (i / 100.0, overall);
        }
        return best.Threshold;
    }

    /// <summary>Passes the answerer's stream through, keeping the unvalidated final answer, the passages it was made from and its time.</summary>
    private sealed class AnswerProbe(IAnswerer inner, bool recordFeatures) : IAnswerer
    {
        public Answer? Raw { get; private set; }
        public IReadOnlyList<Passage> Passages { get; private set; } = [];
        public double[]? Features { get; private set; }
        public double Milliseconds { get; private set; }
        public string Name => inner.Name;

        public async IAsyncEnumerable<AnswerUpdate> AnswerAsync(AnswerContext context, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            Passages = context.Passages;
            if (recordFeatures && inner is ExtractiveAnswerer extractive)
                Features = (await extractive.ReadAsync(context, cancellationToken)).Features?.ToVector();
            var clock = Stopwatch.StartNew();
            await foreach (var update in inner.AnswerAsync(context, cancellationToken))
            {
                if (update is AnswerFinal { Answer: var answer })
                {
                    Raw = answer;
                    Milliseconds = clock.Elapsed.TotalMilliseconds;
                }
                yield return update;
            }
        }
    }
}
