using System.Text.RegularExpressions;
using Bot.Core.Analysis;
using Bot.Core.Answering;

namespace Bot.Core.Conversations;

/// <summary>
/// The rewriter used when no language model is configured. A question that leans on the previous turn (a
/// pronoun, or too few words of its own) is made to stand alone: "he", "him", "his", "she", "her" become the
/// person the previous answer is about ("What did he say about the ambush?" after "Who asked the U.S. to arm
/// its drones?" reads "What did Kalla Mountari say about the ambush?"), and retrieval searches it together with
/// the previous question, so the same story is found.
/// </summary>
public sealed partial class FollowUpQueryRewriter : IQueryRewriter
{
    /// <summary>It keeps no state: one serves every conversation.</summary>
    public static readonly FollowUpQueryRewriter Instance = new();

    private static readonly HashSet<string> Referring = new(StringComparer.OrdinalIgnoreCase)
    {
        "he", "she", "they", "it", "him", "her", "them", "his", "hers", "their", "its", "this", "that", "these", "those",
        "there", "then", "also", "else", "more",
    };

    public Task<RewrittenQuestion> RewriteAsync(string question, IReadOnlyList<ConversationTurn> history, CancellationToken cancellationToken = default)
    {
        if (history.Count == 0) return Task.FromResult(RewrittenQuestion.Unchanged(question));
        var previous = history[^1];
        var words = question.Split([' ', '?', '!', '.', ',', ';', ':'], StringSplitOptions.RemoveEmptyEntries);
        var leansOnPrevious = words.Any(Referring.Contains) || TextAnalyzer.Terms(question).Count < 2;
        if (!leansOnPrevious) return Task.FromResult(RewrittenQuestion.Unchanged(question));
        var standalone = previous.People.Count > 0 ? ResolvePerson(question, previous.People[0]) : question;
        return Task.FromResult(new RewrittenQuestion(standalone, $"{standalone} {previous.Question}"));
    }

    /// <summary>"he"/"him" → the person, "his" → the person's; "her" is possessive before a word that is not a stop word.</summary>
    public static string ResolvePerson(string question, string person) => PersonalPronoun().Replace(question, m =>
    {
        var pronoun = m.Groups["pronoun"].Value.ToLowerInvariant();
        var possessive = pronoun == "his" || (pronoun == "her" && m.Groups["next"].Success && !StopWords.English.Contains(m.Groups["next"].Value.ToLowerInvariant()));
        return (possessive ? person + "'s" : person) + m.Groups["rest"].Value;
    });

    [GeneratedRegex(@"\b(?<pronoun>he|she|him|his|her)\b(?<rest>\s+(?<next>[\p{L}]+))?", RegexOptions.IgnoreCase)]
    private static partial Regex PersonalPronoun();
}
