using CsCheck;

namespace Bot.Testing.Hostile;

/// <summary>
/// Generated text of the kind that breaks parsers: news words mixed with line ends of every kind, Unicode
/// spaces, unpaired surrogates, NUL, byte-order marks, combining marks, right-to-left overrides, quotes,
/// terminators, brackets, citation-like markers, markup and script. Shared by every property test, so a
/// new reader or parser is checked against the same hostility.
/// </summary>
public static class HostileText
{
    private static readonly string[] Words =
    [
        "Niger", "asked", "the", "United", "States", "to", "arm", "its", "drones", "said", "minister", "Reuters",
        "NIAMEY", "U.S.", "Mr.", "Nov.", "Inc.", "St.", "don", "t", "s", "O", "Neill", "we", "re", "Africa", "2017",
        "1.5", "Amazon.com", "a", "é", "Zürich", "São", "Paulo", "東京", "Москва", "القاهرة",
    ];

    private static readonly string[] Hostile =
    [
        " ", "  ", "\t", "\n", "\n\n", "\r\n", "\r", "\u00A0", "\u2009", "\u2028", "\u2029", "\u0085", "\u000B", "\f",
        "\0", "\uFEFF", "\uFFFD", "\uD800", "\uDC00", "\uDBFF\uDFFF", "😀", "👩‍👩‍👧", "e\u0301", "\u202E", "\u200B", "\u200D",
        "'", "’", "‘", "\"", "“", "”", "«", "»", "`", ".", "..", "...", "…", " … ", "?", "!", "?!", ",", ";", ":",
        "-", "–", "—", "(", ")", "((", "))", "[", "]", "{", "}", "[1]", "[2, 3]", "[1; 2]", "[2017]", "[ 4 ]", "[٣]",
        "[[1]1]", "*", " * ", " • ", "#", "# ", "---", "\n---\n", "|", "\\", "/", "&", "&amp;", "&#0;", "&lt;", "<", ">",
        "<b>", "</b>", "<p>", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "javascript:alert(1)",
        "%00", "%s", "{0}", "$1", "\\u0000", "\\ud800", "(Reuters) - ", "By Tim Cocks NIAMEY (Reuters) - ",
    ];

    /// <summary>One arbitrary UTF-16 code unit, surrogates and controls included.</summary>
    public static readonly Gen<char> AnyChar = Gen.Char;

    private static readonly Gen<string> Piece = Gen.Frequency(
        (5, Gen.OneOf(Words)),
        (4, Gen.OneOf(Hostile)),
        (1, AnyChar.Select(c => c.ToString())));

    /// <summary>Between 0 and <paramref name="maxPieces"/> pieces (words, separators, hostile fragments) joined.</summary>
    public static Gen<string> Text(int maxPieces = 60) =>
        Piece.Array[0, maxPieces].Select(string.Concat);

    /// <summary>Like <see cref="Text"/> but always holding at least one word, so readers have something to keep.</summary>
    public static Gen<string> TextWithWords(int maxPieces = 60) =>
        Gen.Select(Text(maxPieces), Gen.OneOf(Words), Text(maxPieces), (before, word, after) => before + " " + word + " " + after);

    /// <summary>Two to eight plain words: a title every format can carry without escaping.</summary>
    public static Gen<string> Headline { get; } =
        Gen.OneOf(Words.Where(w => w.All(char.IsLetter)).ToArray()).Array[2, 8].Select(words => string.Join(' ', words));

    /// <summary>Arbitrary strings of any code units, up to <paramref name="maxLength"/> long.</summary>
    public static Gen<string> AnyString(int maxLength = 200) =>
        AnyChar.Array[0, maxLength].Select(chars => new string(chars));

    /// <summary>The code units of <paramref name="text"/> in hex: how a failing property shows its input, invisible characters included.</summary>
    public static string CodeUnits(string text) => string.Join(' ', text.Select(c => ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture)));
}
