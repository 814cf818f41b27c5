using System.Runtime.CompilerServices;
using Bot.Core.Analysis;
using Bot.Core.Retrieval;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Core.Answering.Extractive;

/// <summary>
/// The answerer that needs no language model: it quotes the one to three sentences of the retrieved passages
/// that best answer the question, each cited, and abstains when the calibrated confidence that the best
/// sentence answers the question is below <see cref="ExtractiveOptions.MinConfidence"/>.
/// </summary>
public sealed partial class ExtractiveAnswerer : IAnswerer
{
    public const string AnswererName = "extractive";

    private readonly ExtractiveOptions options;
    private readonly ConfidenceModel model;
    private readonly ILogger<ExtractiveAnswerer> logger;
    private readonly ITermStatistics? termStatistics;

    /// <param name="termStatistics">The archive's term statistics when the store offers them; without, term rarity is judged among the passages.</param>
    public ExtractiveAnswerer(IOptions<ExtractiveOptions> options, ILogger<ExtractiveAnswerer> logger,
        ITermStatistics? termStatistics = null, ConfidenceModel? model = null)
    {
        this.options = options.Value;
        this.options.Validate();
        this.logger = logger;
        this.termStatistics = termStatistics;
        this.model = model ?? ConfidenceModel.Default;
    }

    public string Name => AnswererName;

    public async IAsyncEnumerable<AnswerUpdate> AnswerAsync(AnswerContext context, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var (answer, parts) = Respond(context, await ReadAsync(context, cancellationToken));
        foreach (var part in parts)
            yield return new AnswerDelta(part);
        yield return new AnswerFinal(answer);
    }

    /// <summary>The ranked sentences and confidence features for the context, as the answer is made from them.</summary>
    public async Task<ExtractiveReading> ReadAsync(AnswerContext context, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var frequencies = termStatistics is null || context.Passages.Count == 0
            ? null
            : await termStatistics.GetDocumentFrequenciesAsync(TextAnalyzer.Terms(context.Query), cancellationToken);
        // Ranked against the stand-alone query: a follow-up's own words may not name what it asks about. Its own
        // words must be in the sentence; the earlier turn's count where the sentence's passage has them.
        return ExtractiveReader.Read(context.Query, context.Passages, frequencies, context.OwnWords ?? context.Standalone);
    }

    /// <summary>The answer and the pieces it streams in: one per quoted sentence, or the abstention message.</summary>
    private (Answer Answer, IReadOnlyList<string> Parts) Respond(AnswerContext context, ExtractiveReading reading)
    {
        if (reading.Features is not { } features)
        {
            LogNothingToRank(logger, context.Passages.Count);
            return (Answer.Abstain(Abstention.Message, Name), [Abstention.Message]);
        }
        var confidence = model.Confidence(features);
        if (confidence < options.MinConfidence)
        {
            LogAbstained(logger, confidence, options.MinConfidence);
            return (Answer.Abstain(Abstention.Message, Name, confidence), [Abstention.Message]);
        }
        var (parts, citations, brief) = AnswerComposer.Compose(AnswerPlanner.Plan(reading, options.MaxSentences));
        return (new Answer(string.Concat(parts), false, citations) { Confidence = confidence, Answerer = Name, Short = brief }, parts);
    }

    [LoggerMessage(LogLevel.Debug, "No sentence to rank in {Passages} passages; abstaining.")]
    private static partial void LogNothingToRank(ILogger logger, int passages);

    [LoggerMessage(LogLevel.Debug, "Confidence {Confidence:F3} below {Threshold:F3}; abstaining.")]
    private static partial void LogAbstained(ILogger logger, double confidence, double threshold);
}
