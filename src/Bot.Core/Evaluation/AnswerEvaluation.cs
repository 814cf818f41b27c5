using System.Runtime.CompilerServices;
using Bot.Core.Answering;
using Bot.Core.Answering.Extractive;
using Bot.Core.Conversations;
using Bot.Core.Retrieval;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bot.Core.Evaluation;

/// <summary>
/// One SQuAD question asked with abstention off: whether an answer came back, its confidence, whether its text
/// contains a gold answer, whether the citation validator had to change it, and (for fitting) the confidence
/// features of the extractive reading.
/// </summary>
public sealed record AnswerOutcome(SquadQuestion Question, string Article, bool Answered, double Confidence, bool Contains,
    bool CitationFailure, double[]? Features)
{
    /// <summary>Answering beats abstaining (a gold answer is quoted) or abstaining beats answering (no answer exists).</summary>
    public bool? AnswerIsBetter => Question.IsImpossible ? false : Contains ? true : null;
}

/// <summary>The answer metrics of `bot eval answers`, every share in 0..1.</summary>
public sealed record AnswerMetrics(int Questions, int Answerable, double Containment, int Unanswerable, double Abstention,
    double FalseAbstention, double Overall, int CitationFailures);

public sealed record CurvePoint(double Threshold, AnswerMetrics Metrics);

/// <summary>
/// Asks every SQuAD question through <see cref="AskService"/> (so citations are validated as in production)
/// once with abstention off, then works out any threshold's metrics from the recorded confidences: a question
/// is abstained on at threshold t exactly when its confidence is below t, so one pass gives the whole curve.
/// </summary>
public static class AnswerEvaluation
{
    public const double RequiredContainment = 0.60;

    public static async Task<IReadOnlyList<AnswerOutcome>> AskAllAsync(Retriever retriever, IAnswerer answerer, ConversationMemory memory,
        SquadDataset dataset, bool recordFeatures, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        var outcomes = new AnswerOutcome[dataset.Questions.Count];
        var done = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, outcomes.Length),
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                var question = dataset.Questions[i];
                var probe = new AnswerProbe(answerer, recordFeatures);
                var ask = new AskService(retriever, probe, new FollowUpQueryRewriter(), memory, NullLogger<AskService>.Instance);
                Answer? final = null;
                await foreach (var update in ask.AskAsync(new AskRequest(question.Text), ct))
                    if (update is AnswerFinal { Answer: var answer }) final = answer;
                var failed = probe.Raw is null || !CitationValidator.Validate(probe.Raw, probe.Passages).WasValid;
                outcomes[i] = new AnswerOutcome(question, dataset.Paragraphs[question.ParagraphIndex].Title,
                    final is { Abstained: false }, final?.Confidence ?? 0,
                    final is { Abstained: false } && SquadText.ContainsAny(final.Text, question.Answers),
                    failed, probe.Features);
                progress?.Report(Interlocked.Increment(ref done));
            });
        return outcomes;
    }

    /// <summary>The metrics when the bot answers exactly the questions <paramref name="answers"/> picks.</summary>
    public static AnswerMetrics Measure(IReadOnlyList<AnswerOutcome> outcomes, Func<AnswerOutcome, bool> answers)
    {
        int answerable = 0, contained = 0, falseAbstentions = 0, unanswerable = 0, abstentions = 0;
        foreach (var o in outcomes)
        {
            var answered = o.Answered && answers(o);
            if (o.Question.IsImpossible)
            {
                unanswerable++;
                if (!answered) abstentions++;
            }
            else
            {
                answerable++;
                if (answered && o.Contains) contained++;
                if (!answered) falseAbstentions++;
            }
        }
        static double Share(int part, int whole) => whole == 0 ? 0 : part / (double)whole;
        return new AnswerMetrics(outcomes.Count, answerable, Share(contained, answerable), unanswerable, Share(abstentions, unanswerable),
            Share(falseAbstentions, answerable), Share(contained + abstentions, outcomes.Count), outcomes.Count(o => o.CitationFailure));
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
    /// The threshold (on a 0.01 grid) with the best overall accuracy among those keeping containment at
    /// <see cref="RequiredContainment"/> or more; never abstaining when none does.
    /// </summary>
    public static double PickThreshold(IReadOnlyList<AnswerOutcome> outcomes, Func<AnswerOutcome, double>? confidence = null)
    {
        var best = (Threshold: 0.0, Overall: -1.0);
        for (var i = 0; i <= 100; i++)
        {
            var metrics = At(outcomes, i / 100.0, confidence);
            if (metrics.Containment >= RequiredContainment && metrics.Overall > best.Overall) best = (i / 100.0, metrics.Overall);
        }
        return best.Threshold;
    }

    /// <summary>Passes the answerer's stream through, keeping the unvalidated final answer and the passages it was made from.</summary>
    private sealed class AnswerProbe(IAnswerer inner, bool recordFeatures) : IAnswerer
    {
        public Answer? Raw { get; private set; }
        public IReadOnlyList<Passage> Passages { get; private set; } = [];
        public double[]? Features { get; private set; }
        public string Name => inner.Name;

        public async IAsyncEnumerable<AnswerUpdate> AnswerAsync(AnswerContext context, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            Passages = context.Passages;
            if (recordFeatures && inner is ExtractiveAnswerer extractive)
                Features = (await extractive.ReadAsync(context, cancellationToken)).Features?.ToVector();
            await foreach (var update in inner.AnswerAsync(context, cancellationToken))
            {
                if (update is AnswerFinal { Answer: var answer }) Raw = answer;
                yield return update;
            }
        }
    }
}
