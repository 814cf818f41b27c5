using System.Runtime.CompilerServices;
using System.Text;
using Bot.Answering.SemanticKernel.Configuration;
using Bot.Answering.SemanticKernel.Prompts;
using Bot.Core.Answering;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace Bot.Answering.SemanticKernel.Answering;

/// <summary>
/// Generative answers through Semantic Kernel: the model reads the numbered passages and writes an answer with
/// [n] markers; its tokens stream out as they arrive, then the reply is mapped to verbatim citations
/// (<see cref="CitationMapper"/>), checked by <see cref="CitationValidator"/>, and sent as the one final answer.
/// </summary>
public sealed partial class SemanticKernelAnswerer : IAnswerer
{
    private readonly Kernel kernel;
    private readonly AnswerPromptBuilder promptBuilder;
    private readonly LlmOptions options;
    private readonly ILogger<SemanticKernelAnswerer> logger;

    public SemanticKernelAnswerer(Kernel kernel, PromptLibrary prompts, LlmOptions options, ILogger<SemanticKernelAnswerer> logger)
    {
        this.kernel = kernel;
        this.options = options;
        this.logger = logger;
        promptBuilder = new AnswerPromptBuilder(prompts, options);
        LogReady(logger, Name, options.ToString(), prompts.Folder);
    }

    public string Name => "semantic-kernel:" + options.ModelLabel;

    public async IAsyncEnumerable<AnswerUpdate> AnswerAsync(AnswerContext context, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var prompt = await promptBuilder.BuildAsync(kernel, context, cancellationToken);
        if (prompt.Passages.Count == 0)
        {
            LogNoPassages(logger, context.Passages.Count, options.ContextTokens);
            yield return new AnswerFinal(Answer.Abstain(Abstention.Message, Name));
            yield break;
        }

        var chat = kernel.GetRequiredService<IChatCompletionService>();
        var settings = ModelCall.Settings(options.Temperature, options.MaxAnswerTokens);
        using var limit = ModelCall.Limit(options, cancellationToken);
        var reply = new StringBuilder();
        await using (var stream = chat.GetStreamingChatMessageContentsAsync(prompt.Chat, settings, kernel, limit.Token)
                         .GetAsyncEnumerator(limit.Token))
        {
            while (await NextAsync(stream, cancellationToken))
            {
                var text = stream.Current.Content;
                if (string.IsNullOrEmpty(text)) continue;
                reply.Append(text);
                yield return new AnswerDelta(text);
            }
        }

        var mapped = CitationMapper.Map(reply.ToString(), prompt.Passages, context.Question, Name);
        var validated = CitationValidator.Validate(mapped.Answer, prompt.Passages.Select(p => p.Passage).ToList());
        var problems = mapped.Problems.Concat(validated.Problems).ToList();
        if (problems.Count > 0) LogRepaired(logger, string.Join(" ", problems));
        LogAnswered(logger, prompt.Passages.Count, prompt.PassageTokens, validated.Repaired.Citations.Count, validated.Repaired.Abstained);
        yield return new AnswerFinal(validated.Repaired);
    }

    /// <summary>Advances the stream, turning the time limit into a <see cref="TimeoutException"/> that says which limit.</summary>
    private async Task<bool> NextAsync(IAsyncEnumerator<StreamingChatMessageContent> stream, CancellationToken caller)
    {
        try
        {
            return await stream.MoveNextAsync();
        }
        catch (Exception error) when (ModelCall.IsTimeout(error, caller))
        {
            throw ModelCall.TimedOut(options, error);
        }
    }

    [LoggerMessage(LogLevel.Information, "Generative answers by {Answerer} ({Settings}); prompts from {Folder}.")]
    private static partial void LogReady(ILogger logger, string answerer, string settings, string folder);

    [LoggerMessage(LogLevel.Warning, "None of the {Count} passages fits in Llm:ContextTokens = {Budget}; abstaining without asking the model.")]
    private static partial void LogNoPassages(ILogger logger, int count, int budget);

    [LoggerMessage(LogLevel.Warning, "The model's answer was repaired: {Problems}")]
    private static partial void LogRepaired(ILogger logger, string problems);

    [LoggerMessage(LogLevel.Information, "Answered from {Passages} passages ({Tokens} tokens) with {Citations} citations; abstained: {Abstained}.")]
    private static partial void LogAnswered(ILogger logger, int passages, int tokens, int citations, bool abstained);
}
