using Bot.Core.Analysis;

namespace Bot.Core.Chunking;

/// <summary>
/// Cuts a sentence too long for the token budget into pieces that fit, at spaces between words. A single
/// "word" longer than the budget (a URL, a table flattened without spaces) is cut between characters.
/// </summary>
internal static class WordBoundarySplitter
{
    public static IEnumerable<TextSpan> Split(string text, TextSpan sentence, int maxTokens)
    {
        var pieceStart = sentence.Start;
        var pieceEnd = sentence.Start;
        foreach (var word in Words(text, sentence))
        {
            if (pieceEnd > pieceStart && TokenCounter.Fits(text, pieceStart, word.End, maxTokens))
            {
                pieceEnd = word.End;
                continue;
            }
            if (pieceEnd > pieceStart) yield return new TextSpan(pieceStart, pieceEnd);
            pieceStart = word.Start;
            pieceEnd = word.Start;
            // The word alone may still be over budget: cut it between characters.
            while (!TokenCounter.Fits(text, pieceStart, word.End, maxTokens))
            {
                var cut = LongestFit(text, pieceStart, word.End, maxTokens);
                yield return new TextSpan(pieceStart, cut);
                pieceStart = cut;
            }
            pieceEnd = word.End;
        }
        if (pieceEnd > pieceStart) yield return new TextSpan(pieceStart, pieceEnd);
    }

    private static IEnumerable<TextSpan> Words(string text, TextSpan sentence)
    {
        var i = sentence.Start;
        while (i < sentence.End)
        {
            while (i < sentence.End && char.IsWhiteSpace(text[i])) i++;
            var start = i;
            while (i < sentence.End && !char.IsWhiteSpace(text[i])) i++;
            if (i > start) yield return new TextSpan(start, i);
        }
    }

    /// <summary>The furthest cut after <paramref name="start"/> whose prefix fits; at least one whole character.</summary>
    private static int LongestFit(string text, int start, int end, int maxTokens)
    {
        var cut = Math.Max(start + 1, TokenCounter.FitEnd(text, start, end, maxTokens));
        // Never separate the halves of a surrogate pair.
        if (cut < end && char.IsLowSurrogate(text[cut]) && char.IsHighSurrogate(text[cut - 1]))
            cut = cut - 1 > start ? cut - 1 : cut + 1;
        return cut;
    }
}
