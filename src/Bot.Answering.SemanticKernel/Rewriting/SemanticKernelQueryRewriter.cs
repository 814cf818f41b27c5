using Bot.Answering.SemanticKernel.Configuration;
using Bot.Answering.SemanticKernel.Prompts;
using Bot.Core.Answering;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace Bot.Answering.SemanticKernel.Rewriting;

/// <summary>
/// Makes a follow-up stand alone ("what did he say next?" → "What did the Pentagon say about the Niger ambush?")
/// with rewrite.md and recent turns. Without history the question is returned as is and the model is not called.
/// Rewriting only sharpens retrieval, so when the model fails the original question is used.
/// </summary>
public sealed partial class SemanticKernelQueryRewriter(
    Kernel kernel, PromptLibrary prompts, LlmOptions options, ILogger<SemanticKernelQueryRewriter> logger) : IQueryRewriter
{
    private const int MaxRewriteTokens = 120;
    /// <summary>Earlier answers are cut to this many characters: enough to resolve "he" or "that attack".</summary>
    private const int MaxAnswerChars = 800;

    public async Task<RewrittenQuestion> RewriteAsync(string question, IReadOnlyList<ConversationTurn> history, CancellationToken cancellationToken = default)
    {
        var turns = history.TakeLast(options.HistoryTurns).ToList();
        if (turns.Count == 0 || string.IsNullOrWhiteSpace(question)) return RewrittenQuestion.Unchanged(question);

        var prompt = await prompts.Rewrite.RenderAsync(kernel, new Dictionary<string, string>
        {
            ["history"] = string.Join("\n", turns.Select(Format)),
            ["question"] = UntrustedText.Defuse(question),
        }, cancellationToken);
        var chat = new ChatHistory();
        chat.AddUserMessage(prompt);

        string? reply;
        try
        {
            using var limit = ModelCall.Limit(options, cancellationToken);
            var message = await kernel.GetRequiredService<IChatCompletionService>()
                .GetChatMessageContentAsync(chat, ModelCall.Settings(0, MaxRewriteTokens), kernel, limit.Token);
            reply = message.Content;
        }
        catch (Exception error) when (error is not OperationCanceledException || ModelCall.IsTimeout(error, cancellationToken))
        {
            LogFailed(logger, error.Message);
            return RewrittenQuestion.Unchanged(question);
        }

        var rewritten = Clean(reply);
        if (rewritten is null) return RewrittenQuestion.Unchanged(question);
        LogRewritten(logger, question, rewritten);
        return new RewrittenQuestion(rewritten, rewritten);
    }

    private static string Format(ConversationTurn turn)
    {
        var answer = CitationMarkers.Strip(turn.Answer).Trim();
        if (answer.Length > MaxAnswerChars) answer = answer[..MaxAnswerChars] + "…";
        return $"User: {UntrustedText.Defuse(turn.Question.Trim())}\nBot: {UntrustedText.Defuse(answer)}";
    }

    /// <summary>The first line of the reply without quotes or a "Query:" label; null when nothing usable is left.</summary>
    private static string? Clean(string? reply)
    {
        var line = (reply ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        if (line is null) return null;
        foreach (var label in (string[])["Query:", "Question:", "Stand-alone question:"])
            if (line.StartsWith(label, StringComparison.OrdinalIgnoreCase)) line = line[label.Length..].Trim();
        line = line.Trim('"', '“', '”', '\'', '`').Trim();
        return line.Length == 0 ? null : line;
    }

    [LoggerMessage(LogLevel.Warning, "Follow-up rewriting failed ({Error}); searching with the question as asked.")]
    private static partial void LogFailed(ILogger logger, string error);

    [LoggerMessage(LogLevel.Debug, "Rewrote follow-up '{Question}' as '{Rewritten}'.")]
    private static partial void LogRewritten(ILogger logger, string question, string rewritten);
}
