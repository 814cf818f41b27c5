namespace Bot.Core.Chunking;

/// <summary>
/// Splits news text into sentences. Line breaks and list bullets always start a new sentence. A run of
/// '.', '?', '!' or '…' (with any closing quotes and brackets right after it) ends one when whitespace and a
/// word that is not lower-case follow, except after abbreviations (<see cref="Abbreviations"/>) and after an
/// ellipsis set off by a space, which marks words left out of a quote. After an ambiguous abbreviation
/// ("U.S.", "St.", an initial) only a quote or a typical sentence opener (<see cref="SentenceStarters"/>)
/// starts a new sentence. Sentences glued without a space ("morning.Public", "said.”The"), common in
/// scraped wire text, are split too.
/// </summary>
public static class SentenceSplitter
{
    /// <summary>The sentences of <paramref name="text"/> in order, each trimmed of surrounding whitespace.</summary>
    public static IReadOnlyList<TextSpan> Split(string text)
    {
        var sentences = new SentenceCollector(text);
        var start = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] is '\n' or '\r')
            {
                sentences.Add(start, i);
                start = ++i;
                continue;
            }
            if (IsBullet(text, i))
            {
                sentences.Add(start, i);
                start = i++;
                continue;
            }
            if (!IsTerminator(text[i]))
            {
                i++;
                continue;
            }
            var runEnd = i;
            while (runEnd < text.Length && IsTerminator(text[runEnd])) runEnd++;
            var end = runEnd;
            while (end < text.Length && IsCloser(text[end])) end++;
            if (EndsSentence(text, i, runEnd, end))
            {
                sentences.Add(start, end);
                start = end;
            }
            i = end;
        }
        sentences.Add(start, text.Length);
        return sentences.Finish();
    }

    /// <param name="runStart">First terminator.</param>
    /// <param name="runEnd">Just after the last terminator.</param>
    /// <param name="end">Just after the closing quotes and brackets that follow the terminators.</param>
    private static bool EndsSentence(string text, int runStart, int runEnd, int end)
    {
        if (end == text.Length) return true;
        if (!char.IsWhiteSpace(text[end])) return IsGluedBoundary(text, runStart, runEnd, end);

        var next = end;
        while (next < text.Length && char.IsWhiteSpace(text[next]) && text[next] is not ('\n' or '\r')) next++;
        if (next == text.Length || text[next] is '\n' or '\r') return true;
        var firstLetter = next;
        while (firstLetter < text.Length && IsOpener(text[firstLetter])) firstLetter++;
        // A lower-case word, even in quotes ("the U.S. “will act”"), carries the sentence on.
        if (firstLetter < text.Length && char.IsLower(text[firstLetter])) return false;

        var run = text.AsSpan(runStart, runEnd - runStart);
        if (run.ContainsAny('?', '!')) return true;
        if (run.Length > 1 || run[0] == '…')
            return runStart > 0 && !char.IsWhiteSpace(text[runStart - 1]) && !IsOpener(text[runStart - 1]);
        // A quote or bracket closed after the period: whatever came before it, the sentence is over.
        if (end > runEnd) return true;

        return Abbreviations.Classify(WordBefore(text, runStart)) switch
        {
            AbbreviationKind.NeverEnds => false,
            AbbreviationKind.BeforeNumber => !char.IsDigit(text[next]),
            AbbreviationKind.Ambiguous => OpensNewSentence(text, next),
            AbbreviationKind.Suffix => text[next] != '(',
            _ => true,
        };
    }

    /// <summary>
    /// "morning.Public" or "said.”The": a boundary without a space. Demands a lower-case word before a bare
    /// terminator so "U.S.-led", "3.5" and "Amazon.com" stay whole.
    /// </summary>
    private static bool IsGluedBoundary(string text, int runStart, int runEnd, int end)
    {
        var next = text[end];
        if (end > runEnd) return char.IsUpper(next) || IsOpener(next);
        return runEnd - runStart == 1
            && runStart >= 2 && char.IsLower(text[runStart - 1]) && char.IsLower(text[runStart - 2])
            && char.IsUpper(next) && end + 1 < text.Length && char.IsLower(text[end + 1]);
    }

    /// <summary>After an ambiguous abbreviation: does the text at <paramref name="next"/> start a sentence?</summary>
    private static bool OpensNewSentence(string text, int next)
    {
        if (IsOpener(text[next])) return true;
        var wordEnd = next;
        while (wordEnd < text.Length && char.IsLetter(text[wordEnd])) wordEnd++;
        var word = text[next..wordEnd];
        // Another initial ("J. A. Smith") continues the name.
        if (word.Length == 1 && wordEnd < text.Length && text[wordEnd] == '.') return false;
        return SentenceStarters.Contains(word);
    }

    /// <summary>The letters and inner dots right before a period: "U.S" for "the U.S.", "Oct" for "Oct.".</summary>
    private static string WordBefore(string text, int period)
    {
        var start = period;
        while (start > 0 && (char.IsLetter(text[start - 1]) || text[start - 1] == '.')) start--;
        return text[start..period].TrimStart('.');
    }

    /// <summary>A "*" or "•" standing alone between spaces: a list item flattened into one line.</summary>
    private static bool IsBullet(string text, int i) =>
        text[i] is '*' or '•'
        && i > 0 && char.IsWhiteSpace(text[i - 1])
        && i + 1 < text.Length && char.IsWhiteSpace(text[i + 1]);

    private static bool IsTerminator(char c) => c is '.' or '?' or '!' or '…';

    private static bool IsCloser(char c) => c is '"' or '\'' or '”' or '’' or '»' or ')' or ']';

    private static bool IsOpener(char c) => c is '"' or '“' or '‘' or '«';
}
