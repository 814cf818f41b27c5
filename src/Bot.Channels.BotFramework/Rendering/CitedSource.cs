using Bot.Core.Answering;

namespace Bot.Channels.BotFramework.Rendering;

/// <summary>
/// One numbered source of a rendered message: usually one citation, or every citation of one article when an
/// answer cites more sources than a message may carry (<see cref="CitationBudget"/>).
/// </summary>
public sealed record CitedSource(int Number, IReadOnlyList<Citation> Citations)
{
    /// <summary>The citation whose article details (title, date, source, link) stand for the source.</summary>
    public Citation First => Citations[0];

    public IEnumerable<string> Quotes => Citations.Select(c => c.Quote).Distinct();
}

/// <summary>The text to send and the sources its [n] markers refer to; <see cref="Truncated"/> when text was dropped to fit.</summary>
public sealed record FittedCitations(string Text, IReadOnlyList<CitedSource> Sources, bool Truncated);
