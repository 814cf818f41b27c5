namespace Bot.Core.Answering;

/// <summary>What the bot says when the archive does not answer the question.</summary>
public static class Abstention
{
    /// <summary>
    /// The one plain refusal, word for word: the generative prompt tells the model to reply with exactly this,
    /// and <see cref="CitationValidator"/> shows it when nothing cited remains of an answer.
    /// </summary>
    public const string Message = "The archive does not say.";
}
