using System.Text.RegularExpressions;

namespace Bot.Answering.SemanticKernel.Prompts;

/// <summary>
/// Archive text and earlier answers go into prompts between tags (&lt;passage&gt;, &lt;question&gt;...). A text
/// that contains such a tag could pretend its passage ended and a new question began, so those tags are
/// defused in it ("&lt;/passage" becomes "‹/passage"). Only what the model reads changes; quotes are always
/// taken from the stored text.
/// </summary>
public static partial class UntrustedText
{
    [GeneratedRegex(@"<(?=\s*/?\s*(?:passages?|question|conversation)\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DelimiterTag();

    public static string Defuse(string text) => DelimiterTag().Replace(text, "‹");
}
