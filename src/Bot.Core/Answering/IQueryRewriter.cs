namespace Bot.Core.Answering;

/// <summary>Turns a follow-up ("what did he say about the ambush?") into a stand-alone question and retrieval query using recent turns.</summary>
public interface IQueryRewriter
{
    Task<RewrittenQuestion> RewriteAsync(string question, IReadOnlyList<ConversationTurn> history, CancellationToken cancellationToken = default);
}

/// <summary>
/// A follow-up made to stand alone: <see cref="Question"/> as a reader would ask it ("What did Kalla Mountari say
/// about the ambush?"), shown beside the answer; <see cref="Query"/> what retrieval searches, which may also carry
/// the earlier turn's words so the same story is found.
/// </summary>
public sealed record RewrittenQuestion(string Question, string Query)
{
    /// <summary>
    /// The follow-up in the words whose terms a quote must hold, when the rewriter's reading is a guess ("it" read as
    /// the previous question's subject): the rest of <see cref="Query"/> then only says which story. Null: <see cref="Question"/>.
    /// </summary>
    public string? OwnWords { get; init; }

    public static RewrittenQuestion Unchanged(string question) => new(question, question);
}
