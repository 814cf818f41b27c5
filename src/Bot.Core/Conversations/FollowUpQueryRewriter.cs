using Bot.Core.Analysis;
using Bot.Core.Answering;

namespace Bot.Core.Conversations;

/// <summary>
/// The rewriter used when no language model is configured: a question that leans on the previous turn
/// (a pronoun, or too few words of its own) is searched together with the previous question's terms.
/// "What did he say about the ambush?" after "Who asked the U.S. to arm drones?" searches both.
/// </summary>
public sealed class FollowUpQueryRewriter : IQueryRewriter
{
    /// <summary>It keeps no state: one serves every conversation.</summary>
    public static readonly FollowUpQueryRewriter Instance = new();

    private static readonly HashSet<string> Referring = new(StringComparer.OrdinalIgnoreCase)
    {
        "he", "she", "they", "it", "him", "her", "them", "his", "hers", "their", "its", "this", "that", "these", "those",
        "there", "then", "also", "else", "more",
    };

    public Task<string> RewriteAsync(string question, IReadOnlyList<ConversationTurn> history, CancellationToken cancellationToken = default)
    {
        if (history.Count == 0) return Task.FromResult(question);
        var words = question.Split([' ', '?', '!', '.', ',', ';', ':'], StringSplitOptions.RemoveEmptyEntries);
        var leansOnPrevious = words.Any(Referring.Contains) || TextAnalyzer.Terms(question).Count < 2;
        return Task.FromResult(leansOnPrevious ? $"{question} {history[^1].Question}" : question);
    }
}
