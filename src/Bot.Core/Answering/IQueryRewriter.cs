namespace Bot.Core.Answering;

/// <summary>Turns a follow-up ("what did he say about the ambush?") into a stand-alone retrieval query using recent turns.</summary>
public interface IQueryRewriter
{
    Task<string> RewriteAsync(string question, IReadOnlyList<ConversationTurn> history, CancellationToken cancellationToken = default);
}
