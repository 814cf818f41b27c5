using System.Globalization;
using Bot.Answering.SemanticKernel.Configuration;
using Bot.Core.Answering;
using Bot.Core.Retrieval;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace Bot.Answering.SemanticKernel.Prompts;

/// <summary>What is sent to the model for one question, and the passages behind its numbers.</summary>
public sealed record AnswerPrompt(ChatHistory Chat, IReadOnlyList<PromptPassage> Passages)
{
    public int PassageTokens => Passages.Sum(p => p.Tokens);
}

/// <summary>
/// Builds the chat for one question: the rules (system.md), recent turns as user/assistant messages, then the
/// question with the numbered, delimited passages (answer.md, passage.md) packed into <c>Llm:ContextTokens</c>.
/// </summary>
public sealed class AnswerPromptBuilder(PromptLibrary prompts, LlmOptions options)
{
    public async Task<AnswerPrompt> BuildAsync(Kernel kernel, AnswerContext context, CancellationToken cancellationToken = default)
    {
        var passages = await PassagePacker.PackAsync(context.Passages, options.ContextTokens,
            (number, passage, ct) => RenderPassageAsync(kernel, number, passage, ct), cancellationToken);

        var chat = new ChatHistory();
        chat.AddSystemMessage(await prompts.System.RenderAsync(kernel,
            new Dictionary<string, string> { ["refusal"] = Abstention.Message }, cancellationToken));
        foreach (var turn in context.History.TakeLast(options.HistoryTurns))
        {
            chat.AddUserMessage(turn.Question);
            // Earlier answers' markers point at earlier passages; left in, they would be read as today's numbers.
            chat.AddAssistantMessage(CitationMarkers.Strip(turn.Answer));
        }
        chat.AddUserMessage(await prompts.Answer.RenderAsync(kernel, new Dictionary<string, string>
        {
            ["question"] = context.Question,
            ["passages"] = string.Join("\n\n", passages.Select(p => p.Block)),
            ["passage_count"] = passages.Count.ToString(CultureInfo.InvariantCulture),
        }, cancellationToken));
        return new AnswerPrompt(chat, passages);
    }

    private Task<string> RenderPassageAsync(Kernel kernel, int number, Passage passage, CancellationToken cancellationToken) =>
        prompts.Passage.RenderAsync(kernel, new Dictionary<string, string>
        {
            ["number"] = number.ToString(CultureInfo.InvariantCulture),
            ["title"] = UntrustedText.Defuse(passage.Article.Title),
            ["date"] = passage.Article.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "unknown",
            ["source"] = UntrustedText.Defuse(passage.Article.Source ?? "unknown"),
            ["text"] = UntrustedText.Defuse(passage.Chunk.Text),
        }, cancellationToken);
}
