namespace Bot.Core.Articles.Metadata;

/// <summary>Titles for articles that come without one.</summary>
public static class TitleDeriver
{
    /// <summary>Longest derived title, in characters, before it is cut at a word boundary and given "…".</summary>
    public const int MaxLength = 90;

    private const int MaxHeadlineLength = 150;

    private static readonly HashSet<string> Abbreviations = new(
        ["mr", "mrs", "ms", "dr", "st", "jr", "sr", "gov", "sen", "rep", "gen", "lt", "col", "sgt", "capt", "prof",
         "inc", "corp", "co", "ltd", "no", "vs", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
         "oct", "nov", "dec"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Whether the first line of a text file reads as a headline: at least two words, at most 150 characters,
    /// and no closing period or other sentence-continuing punctuation.
    /// </summary>
    public static bool LooksLikeHeadline(string line)
    {
        var trimmed = line.Trim();
        return trimmed.Length is > 0 and <= MaxHeadlineLength
               && trimmed.Contains(' ')
               && !".,;:".Contains(trimmed[^1]);
    }

    /// <summary>
    /// The lead sentence starting at <paramref name="leadStart"/> (after any dateline), whole when it fits in
    /// <see cref="MaxLength"/> characters, else cut at the last word boundary that fits and ended with "…".
    /// </summary>
    public static string FromLead(string text, int leadStart = 0)
    {
        var lead = text[Math.Clamp(leadStart, 0, text.Length)..].TrimStart();
        if (lead.Length == 0) lead = text.TrimStart();
        var lineEnd = lead.IndexOf('\n');
        if (lineEnd >= 0) lead = lead[..lineEnd];
        var sentence = lead[..SentenceEnd(lead)].TrimEnd();

        if (sentence.Length <= MaxLength) return sentence.TrimEnd('.').TrimEnd();
        var cut = sentence.LastIndexOf(' ', MaxLength - 1);
        var head = cut > 0 ? sentence[..cut] : sentence[..(MaxLength - 1)];
        return head.TrimEnd(' ', ',', ';', ':', '-', '–', '—') + "…";
    }

    /// <summary>The index just past the first sentence's closing punctuation, or the end of the text.</summary>
    private static int SentenceEnd(string text)
    {
        for (var i = 0; i < text.Length - 1; i++)
        {
            if (text[i] is not ('.' or '?' or '!') || text[i + 1] != ' ') continue;
            if (text[i] == '.' && IsAbbreviation(text, i)) continue;
            return i + 1;
        }
        return text.Length;
    }

    /// <summary>"U.S.", "Mr.", "Nov." or a single initial before the period at <paramref name="dot"/>.</summary>
    private static bool IsAbbreviation(string text, int dot)
    {
        var start = dot;
        while (start > 0 && !char.IsWhiteSpace(text[start - 1])) start--;
        var word = text[start..dot].TrimStart('(', '"', '“', '\'');
        return word.Length <= 1 || word.Contains('.') || Abbreviations.Contains(word);
    }
}
