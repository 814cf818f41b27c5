namespace Bot.Core.Answering;

/// <summary>
/// The answer in a few words, shown before the quote that proves it ("Oct. 4, 2017." before "On Oct. 4, ..."):
/// a name, date, place or number. <see cref="Span"/> is a verbatim span of the quote of citation
/// <see cref="Citation"/>, at <see cref="Start"/>..<see cref="End"/> in the article text (checked by
/// <see cref="CitationValidator"/>); <see cref="Text"/> is the span, or the span completed from the story's own
/// date ("Sunday" in a Nov. 1, 2017 story reads "Sunday, Oct. 29, 2017").
/// </summary>
public sealed record ShortAnswer(string Text, int Citation, string Span, int Start, int End)
{
    /// <summary>
    /// How the answer's text opens with it, when it does ("Four." for "four"): the sentence channels emphasise;
    /// null when the text does not open with it.
    /// </summary>
    public string? OpeningOf(string answerText)
    {
        var opening = Text.TrimEnd('.') + ".";
        return answerText.StartsWith(opening, StringComparison.OrdinalIgnoreCase) ? answerText[..opening.Length] : null;
    }
}
