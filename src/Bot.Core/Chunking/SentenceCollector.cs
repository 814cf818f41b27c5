namespace Bot.Core.Chunking;

/// <summary>
/// Gathers sentence spans, trimmed of whitespace. A piece without letters (a list number "2.", a stray ".",
/// an opening "“...") is not a sentence: it joins the sentence after it, or the one before it at the end.
/// </summary>
internal sealed class SentenceCollector(string text)
{
    private readonly List<TextSpan> sentences = [];
    private int? fragmentStart;
    private int fragmentEnd;

    public void Add(int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        if (end == start) return;
        if (!HasLetter(text.AsSpan(start, end - start)))
        {
            fragmentStart ??= start;
            fragmentEnd = end;
            return;
        }
        sentences.Add(new TextSpan(fragmentStart ?? start, end));
        fragmentStart = null;
    }

    public IReadOnlyList<TextSpan> Finish()
    {
        if (fragmentStart is { } start)
        {
            if (sentences.Count == 0) sentences.Add(new TextSpan(start, fragmentEnd));
            else sentences[^1] = sentences[^1] with { End = fragmentEnd };
            fragmentStart = null;
        }
        return sentences;
    }

    private static bool HasLetter(ReadOnlySpan<char> span)
    {
        foreach (var c in span)
            if (char.IsLetter(c)) return true;
        return false;
    }
}
