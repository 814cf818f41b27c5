using System.Runtime.CompilerServices;
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

    public ExtractiveAnswerer(IOptions<ExtractiveOptions> options, ILogger<ExtractiveAnswerer> logger, ConfidenceModel? model = null)
    {
        this.options = options.Value;
        this.options.Validate();
        this.logger = logger;
        this.model = model ?? ConfidenceModel.Default;
    }

    public string Name => AnswererName;

    public async IAsyncEnumerable<AnswerUpdate> AnswerAsync(AnswerContext context, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var (answer, parts) = Respond(context);
        foreach (var part in parts)
            yield return new AnswerDelta(part);
        await Task.CompletedTask;
        yield return new AnswerFinal(answer);
    }

    /// <summary>The answer and the pieces it streams in: one per quoted sentence, or the abstention message.</summary>
    private (Answer Answer, IReadOnlyList<string> Parts) Respond(AnswerContext context)
    {
        var reading = ExtractiveReader.Read(context.Question, context.Passages);
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
        var (parts, citations) = AnswerComposer.Compose(Choose(reading.Ranked));
        return (new Answer(string.Concat(parts), false, citations) { Confidence = confidence, Answerer = Name }, parts);
    }

    /// <summary>The best sentence and up to MaxSentences - 1 more scoring close to it.</summary>
    private List<SentenceCandidate> Choose(IReadOnlyList<ScoredSentence> ranked)
    {
        var best = ranked[0].Score;
        return ranked.Take(options.MaxSentences)
            .TakeWhile((s, i) => i == 0 || s.Score >= options.FollowingSentenceRatio * best)
            .Select(s => s.Candidate)
            .ToList();
    }

    [LoggerMessage(LogLevel.Debug, "No sentence to rank in {Passages} passages; abstaining.")]
    private static partial void LogNothingToRank(ILogger logger, int passages);

    [LoggerMessage(LogLevel.Debug, "Confidence {Confidence:F3} below {Threshold:F3}; abstaining.")]
    private static partial void LogAbstained(ILogger logger, double confidence, double threshold);
}
