namespace Bot.Core.Evaluation;

/// <summary>
/// One question of an evaluation set, from SQuAD or a news question file. Unanswerable questions have no answers.
/// <see cref="Story"/> is the title of the story (or Wikipedia article) the question is about: folds of the
/// cross-validation never split a story, and a citation of it is the right article.
/// </summary>
public sealed record EvalQuestion(string Id, string Text, IReadOnlyList<string> Answers, bool IsImpossible, string Story)
{
    /// <summary>who, when, where, how-many, how-much, what, why, said, which; empty when unknown (SQuAD).</summary>
    public string Kind { get; init; } = "";
    /// <summary>The id of the question asked just before in the same conversation: this one is a follow-up.</summary>
    public string? After { get; init; }
    /// <summary>The story's sentence that answers the question, verbatim; null when unknown or unanswerable.</summary>
    public string? Support { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];
    /// <summary>The question set it comes from ("squad", "news"): thresholds and fits weigh every set alike.</summary>
    public string Set { get; init; } = "";

    /// <summary>Questions whose short answer is measured: the kinds that ask for a name, date, place or number.</summary>
    public bool WantsShortAnswer => Kind is "who" or "when" or "where" or "how-many";
}
