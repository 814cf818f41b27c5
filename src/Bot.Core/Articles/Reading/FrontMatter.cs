namespace Bot.Core.Articles.Reading;

/// <summary>
/// The simple YAML front matter of a Markdown file: <c>key: value</c> lines, optionally quoted, with tags as
/// <c>[a, b]</c>, <c>a, b</c> or <c>- a</c> items below the key. Anything richer is not YAML we need.
/// </summary>
internal sealed class FrontMatter
{
    private const string Fence = "---";

    public DraftFields Fields { get; } = new();

    /// <summary>Why the block could not be read, if it could not; the article is still read without it.</summary>
    public string? Problem { get; private init; }

    /// <summary>The front matter (empty when there is none) and the rest of <paramref name="text"/> (LF line ends).</summary>
    public static (FrontMatter FrontMatter, string Body) Split(string text)
    {
        if (!text.StartsWith(Fence + "\n", StringComparison.Ordinal)) return (new FrontMatter(), text);
        var close = text.IndexOf("\n" + Fence, Fence.Length, StringComparison.Ordinal);
        var closeEnd = close + 1 + Fence.Length;
        if (close < 0 || (closeEnd < text.Length && text[closeEnd] != '\n'))
            return (new FrontMatter { Problem = "front matter opened with '---' is never closed; read as text" }, text);

        var frontMatter = new FrontMatter();
        // "---\n---" is an empty block: its closing fence starts on the opening fence's line break.
        frontMatter.Parse(close > Fence.Length ? text[(Fence.Length + 1)..close] : "");
        return (frontMatter, closeEnd < text.Length ? text[(closeEnd + 1)..] : "");
    }

    private void Parse(string block)
    {
        string? listKey = null;
        foreach (var raw in block.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            if (line.StartsWith("- ", StringComparison.Ordinal) && listKey is not null)
            {
                Fields.Add(listKey, Unquote(line[2..]));
                continue;
            }
            var colon = line.IndexOf(':');
            if (colon <= 0) continue;
            var key = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            listKey = value.Length == 0 ? key : null;
            if (value.StartsWith('[') && value.EndsWith(']'))
                foreach (var item in value[1..^1].Split(',')) Fields.Add(key, Unquote(item.Trim()));
            else
                Fields.Add(key, Unquote(value));
        }
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[^1] == value[0] ? value[1..^1] : value;
}
