using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Bot.Core.Answering;

/// <summary>
/// The citation markers in answer text: "[3]", and the grouped forms models also write, "[1, 3]" or "[1; 3]".
/// Numbers have at most three ASCII digits, so a bracketed year such as "[2017]" is text, not a marker (and
/// other scripts' digits, which <see cref="int.Parse(string)"/> refuses, are text too).
/// </summary>
public static partial class CitationMarkers
{
    [GeneratedRegex(@"\[\s*([0-9]{1,3})((?:\s*[,;]\s*[0-9]{1,3})*)\s*\]", RegexOptions.CultureInvariant)]
    private static partial Regex Marker();

    /// <summary>The marker groups of <paramref name="text"/>, in order.</summary>
    public static IReadOnlyList<MarkerGroup> Find(string text)
    {
        var groups = new List<MarkerGroup>();
        foreach (Match match in Marker().Matches(text))
        {
            var numbers = new List<int> { int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) };
            foreach (var part in match.Groups[2].Value.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                numbers.Add(int.Parse(part, CultureInfo.InvariantCulture));
            groups.Add(new MarkerGroup(match.Index, match.Index + match.Length, numbers, match.Value == Format(numbers)));
        }
        return groups;
    }

    /// <summary>The canonical form of a marker group: "[1][3]".</summary>
    public static string Format(IEnumerable<int> numbers) =>
        string.Concat(numbers.Select(n => $"[{n}]"));

    /// <summary>
    /// Rewrites every marker group as the numbers <paramref name="replace"/> gives for it (repeats removed,
    /// order kept). A group that gets no numbers is removed together with the space before it, so
    /// "rose 5% [9]." becomes "rose 5%.", not "rose 5% .". The result holds exactly the markers given: when a
    /// removal joins the text around it into a new one ("[[9]1]" leaving "[1]"), that one is removed too.
    /// </summary>
    public static string Rewrite(string text, Func<MarkerGroup, IEnumerable<int>> replace)
    {
        var (result, kept) = RewriteOnce(text, group => replace(group).Distinct().ToList());
        while (Find(result).Any(group => !kept.Contains(group.Start)))
            (result, kept) = RewriteOnce(result, group => kept.Contains(group.Start) ? group.Numbers : []);
        return result;
    }

    /// <summary>One pass of <see cref="Rewrite"/>; also where each marker it wrote starts in the result.</summary>
    private static (string Text, HashSet<int> Kept) RewriteOnce(string text, Func<MarkerGroup, IReadOnlyList<int>> replace)
    {
        var kept = new HashSet<int>();
        var groups = Find(text);
        if (groups.Count == 0) return (text, kept);
        var result = new StringBuilder(text.Length);
        var copied = 0;
        foreach (var group in groups)
        {
            var numbers = replace(group);
            result.Append(text, copied, group.Start - copied);
            copied = group.End;
            if (numbers.Count > 0)
            {
                foreach (var number in numbers)
                {
                    kept.Add(result.Length);
                    result.Append(Format([number]));
                }
                continue;
            }
            // A marker right after keeps the space for itself ("rose [9][1]" becomes "rose [1]").
            if (copied < text.Length && text[copied] == '[') continue;
            TrimTrailingSpaces(result);
            // At the start of a line there is no space before to remove, so remove the one after.
            if (result.Length == 0 || result[^1] == '\n')
                while (copied < text.Length && text[copied] is ' ' or '\t') copied++;
        }
        result.Append(text, copied, text.Length - copied);
        return (result.ToString(), kept);
    }

    /// <summary>The text without any marker.</summary>
    public static string Strip(string text) => Rewrite(text, _ => []);

    private static void TrimTrailingSpaces(StringBuilder text)
    {
        while (text.Length > 0 && text[^1] is ' ' or '\t') text.Length--;
    }
}

/// <summary>
/// One marker group: its character range in the text, the numbers it cites as written, and whether it is
/// written the canonical way (a single "[n]").
/// </summary>
public sealed record MarkerGroup(int Start, int End, IReadOnlyList<int> Numbers, bool IsCanonical);
