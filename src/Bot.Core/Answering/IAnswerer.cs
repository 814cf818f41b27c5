using Bot.Core.Retrieval;

namespace Bot.Core.Answering;

/// <summary>Turns retrieved passages into a cited answer. Implementations: extractive (default) and Semantic Kernel.</summary>
public interface IAnswerer
{
    string Name { get; }

    /// <summary>
    /// Streams the answer: zero or more <see cref="AnswerDelta"/>s as text is produced, then exactly one
    /// <see cref="AnswerFinal"/>. The final answer is validated by the caller before anyone sees it.
    /// </summary>
    IAsyncEnumerable<AnswerUpdate> AnswerAsync(AnswerContext context, CancellationToken cancellationToken = default);
}

/// <summary>The question, the numbered passages it may be answered from (passage i is source [i+1]), and recent turns.</summary>
public sealed record AnswerContext(string Question, IReadOnlyList<Passage> Passages, IReadOnlyList<ConversationTurn> History)
{
    /// <summary>
    /// The stand-alone query the passages were retrieved with: the question itself, or a follow-up rewritten with
    /// the turns it leans on ("what did he say?" with the previous question). <see cref="Question"/> is what the user typed.
    /// </summary>
    public string Query { get; init; } = Question;

    /// <summary>The question made to stand alone ("What did Kalla Mountari say about the ambush?"): <see cref="Question"/> unless it was a follow-up.</summary>
    public string Standalone { get; init; } = Question;

    /// <summary>The words whose terms a quote must hold (<see cref="RewrittenQuestion.OwnWords"/>); null: <see cref="Standalone"/>.</summary>
    public string? OwnWords { get; init; }
}

/// <summary>One earlier turn: the question, the answer's text, and the people the answer's sources name, first the nearest to its quote.</summary>
public sealed record ConversationTurn(string Question, string Answer)
{
    /// <summary>People the answer names or its cited passages name ("Kalla Mountari"), for resolving "he" and "she" in a follow-up.</summary>
    public IReadOnlyList<string> People { get; init; } = [];

    /// <summary>The country or organisation the answer's short answer names ("Niger"), for resolving "they" in a follow-up.</summary>
    public string? Group { get; init; }
}

public abstract record AnswerUpdate;
public sealed record AnswerDelta(string Text) : AnswerUpdate;
public sealed record AnswerFinal(Answer Answer) : AnswerUpdate;
