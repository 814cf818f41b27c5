using System.Text;

namespace Bot.Core.Articles.Repair;

/// <summary>
/// Conservative whitespace clean-up: line ends become LF, tabs and Unicode spaces (no-break, thin, ...) become
/// spaces, runs of spaces inside a line become one, lines are trimmed, more than one blank line becomes one
/// (paragraph breaks survive), and the text is trimmed. Nothing but whitespace ever changes.
/// </summary>
public static class WhitespaceNormalizer
{
    public static string Normalize(string text)
    {
        var result = new StringBuilder(text.Length);
        var pendingSpace = false;
        var pendingNewlines = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r' || c == '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                pendingNewlines++;
                pendingSpace = false;
                continue;
            }
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = true;
                continue;
            }
            if (result.Length > 0)
            {
                if (pendingNewlines > 0) result.Append('\n', Math.Min(pendingNewlines, 2));
                else if (pendingSpace) result.Append(' ');
            }
            pendingSpace = false;
            pendingNewlines = 0;
            result.Append(c);
        }
        return result.ToString();
    }

    /// <summary>One line: every run of whitespace, line breaks included, becomes one space (titles, names).</summary>
    public static string SingleLine(string text) =>
        string.Join(' ', Normalize(text).Split('\n', StringSplitOptions.RemoveEmptyEntries));
}
