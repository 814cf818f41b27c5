using System.Globalization;
using System.Text;
using Bot.Testing.Hostile;
using CsCheck;

namespace Bot.Core.Tests.Articles.Properties;

/// <summary>An article as a publisher might send it: a plain title, hostile text, a date as written, tags.</summary>
public sealed record GeneratedArticle(string Title, string Text, string Date, IReadOnlyList<string> Tags)
{
    private static readonly Gen<string> Dates = Gen.Frequency(
        (3, Gen.Date[new DateTime(1990, 1, 1), new DateTime(2030, 12, 31)].Select(d => d.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture))),
        (1, HostileText.Text(6)));

    public static Gen<GeneratedArticle> Any { get; } = Gen.Select(
        HostileText.Headline, HostileText.TextWithWords(40), Dates, HostileText.Headline.Array[0, 3],
        (title, text, date, tags) => new GeneratedArticle(title, Utf8RoundTrip(text), Utf8RoundTrip(date), tags));

    /// <summary>1 to <paramref name="max"/> articles.</summary>
    public static Gen<GeneratedArticle[]> Many(int max) => Any.Array[1, max];

    /// <summary>What survives a UTF-8 file: unpaired surrogates cannot be encoded and become U+FFFD.</summary>
    public static string Utf8RoundTrip(string text) => Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text));
}
