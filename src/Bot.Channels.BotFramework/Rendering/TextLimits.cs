using System.Text;
using System.Text.RegularExpressions;

namespace Bot.Channels.BotFramework.Rendering;

/// <summary>Cutting text to the lengths the protocol allows, without splitting a word or a [n] marker.</summary>
public static partial class TextLimits
{
    /// <summary>At most <paramref name="maxChars"/> characters, ending in "…" when cut.</summary>
    public static string Truncate(string text, int maxChars)
    {
        text = text.Trim();
        return text.Length <= maxChars ? text : text[..(maxChars - 1)].TrimEnd() + "…";
    }

    /// <summary>The longest prefix of at most <paramref name="maxBytes"/> UTF-8 bytes, cut at a word boundary.</summary>
    public static string CutToBytes(string text, int maxBytes)
    {
        if (maxBytes <= 0) return "";
        if (Encoding.UTF8.GetByteCount(text) <= maxBytes) return text;

        int low = 0, high = text.Length;
        while (low < high)
        {
            var mid = (low + high + 1) / 2;
            if (Encoding.UTF8.GetByteCount(text.AsSpan(0, mid)) <= maxBytes) low = mid; else high = mid - 1;
        }
        if (low > 0 && char.IsHighSurrogate(text[low - 1])) low--;
        var prefix = text[..low];
        var lastSpace = prefix.LastIndexOfAny([' ', '\n', '\t']);
        if (lastSpace > prefix.Length / 2) prefix = prefix[..lastSpace];
        return PartialMarker().Replace(prefix, "").TrimEnd();
    }

    [GeneratedRegex(@"\[\d*$")]
    private static partial Regex PartialMarker();
}
