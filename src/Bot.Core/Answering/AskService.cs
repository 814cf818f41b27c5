using System.Diagnostics;
using System.Runtime.CompilerServices;
using Bot.Core.Conversations;
using Bot.Core.Retrieval;
using Microsoft.Extensions.Logging;

namespace Bot.Core.Answering;

/// <summary>
/// The question path every channel shares: recall the conversation, rewrite a follow-up into a stand-alone
/// query, retrieve, let the configured answerer stream its answer, validate the citations of the final
/// answer, remember the turn. Logs carry timings and counts, never the question text.
/// </summary>
public sealed class AskService(
    Retriever retriever,
    IAnswerer answerer,
    IQueryRewriter rewriter,
    ConversationMemory memory,
    ILogger<AskService> logger) : IAskService
{
    /// <summary>Longest question accepted, in characters.</summary>
    public const int MaxQuestionLength = 2_000;

    public async IAsyncEnumerable<AnswerUpdate> AskAsync(AskRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var question = request.Question.Trim();
        if (question.Length == 0) throw new ArgumentException("The question is empty.");
        if (question.Length > MaxQuestionLength)
            throw new ArgumentException($"The question is {question.Length} characters long; the limit is {MaxQuestionLength}.");

        using var activity = BotTelemetry.Source.StartActivity("ask");
        var history = memory.Recent(request.ConversationId);
        var rewritten = await rewriter.RewriteAsync(question, history, cancellationToken);
        var query = rewritten.Query;

        RetrievalResult retrieval;
        using (BotTelemetry.Source.StartActivity("retrieve"))
            retrieval = await retriever.RetrieveAsync(query, request.Filter, cancellationToken: cancellationToken);
        activity?.SetTag("bot.passages", retrieval.Passages.Count);
        activity?.SetTag("bot.retrieval_mode", retrieval.Mode.ToString());

        var clock = Stopwatch.StartNew();
        Answer? final = null;
        using (BotTelemetry.Source.StartActivity("answer"))
        {
            var context = new AnswerContext(question, retrieval.Passages, history) { Query = query, Standalone = rewritten.Question, OwnWords = rewritten.OwnWords };
            await foreach (var update in answerer.AnswerAsync(context, cancellationToken))
            {
                if (update is AnswerFinal { Answer: var answer })
                {
                    final = Validate(answer, retrieval.Passages) with
                    {
                        RetrievalQuery = query,
                        RewrittenQuestion = rewritten.Question == question ? null : rewritten.Question,
                    };
                    break;
                }
                yield return update;
            }
        }
        final ??= Answer.Abstain(Abstention.Message, answerer.Name);
        final = final with { FollowUps = Answering.FollowUps.For(final) };
        activity?.SetTag("bot.abstained", final.Abstained);
        activity?.SetTag("bot.citations", final.Citations.Count);
        logger.LogInformation("Answered with {Answerer} from {Passages} passages in {Milliseconds} ms: {Citations} citations, abstained {Abstained}",
            final.Answerer, retrieval.Passages.Count, clock.ElapsedMilliseconds, final.Citations.Count, final.Abstained);

        memory.Remember(request.ConversationId, new ConversationTurn(rewritten.Question, final.Text) { People = AnswerPeople.Of(final, retrieval.Passages), Group = AnswerPeople.GroupOf(final) });
        yield return new AnswerFinal(final);
    }

    private Answer Validate(Answer answer, IReadOnlyList<Passage> passages)
    {
        var result = CitationValidator.Validate(answer, passages);
        if (result.Problems.Count > 0)
            logger.LogWarning("The {Answerer} answer needed citation repair: {Problems}", answer.Answerer, string.Join(" ", result.Problems));
        return result.Repaired;
    }
}
