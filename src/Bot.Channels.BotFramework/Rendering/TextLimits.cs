using System.Text.RegularExpressions;

namespace Bot.Channels.BotFramework.Rendering;

/// <summary>Cutting text to the lengths the protocol allows, without splitting a word, a character or a [n] marker.</summary>
public static partial class TextLimits
{
    /// <summary>At most <paramref name="maxChars"/> characters, ending in "…" when cut.</summary>
    public static string Truncate(string text, int maxChars)
    {
        text = text.Trim();
        if (text.Length <= maxChars) return text;
        var end = maxChars - 1;
        if (char.IsHighSurrogate(text[end - 1])) end--;
        return text[..end].TrimEnd() + "…";
    }

    /// <summary>The longest prefix of at most <paramref name="maxChars"/> UTF-16 code units, cut at a word boundary.</summary>
    public static string CutToLength(string text, int maxChars)
    {
        if (maxChars <= 0) return "";
        if (text.Length <= maxChars) return text;
        var end = maxChars;
        if (char.IsHighSurrogate(text[end - 1])) end--;
        var prefix = text[..end];
        var lastSpace = prefix.LastIndexOfAny([' ', '\n', '\t']);
        if (lastSpace > prefix.Length / 2) prefix = prefix[..lastSpace];
        return PartialMarker().Replace(prefix, "").TrimEnd();
    }

    [GeneratedRegex(@"\[\d*$")]
    private static partial Regex PartialMarker();
}
