using System.Text;

namespace Bot.Core.Articles.Reading;

/// <summary>Text decoding and line helpers the file formats share.</summary>
internal static class TextContent
{
    /// <summary>The stream as text: UTF-8 unless a byte-order mark says otherwise; invalid bytes become U+FFFD.</summary>
    public static async Task<string> ReadAllAsync(Stream content, CancellationToken cancellationToken)
    {
        using var reader = OpenReader(content);
        return await reader.ReadToEndAsync(cancellationToken);
    }

    public static StreamReader OpenReader(Stream content) =>
        new(content, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);

    /// <summary>The first line (without its line break) and everything after it.</summary>
    public static (string FirstLine, string Remainder) SplitFirstLine(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        if (end < 0) return (text, "");
        var next = text[end] == '\r' && end + 1 < text.Length && text[end + 1] == '\n' ? end + 2 : end + 1;
        return (text[..end], text[next..]);
    }
}
