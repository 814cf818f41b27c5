using System.Text.Json;

namespace Bot.Core.Tests.Articles.Properties;

/// <summary>A JSON array of article objects.</summary>
public sealed class JsonCase : ReaderCase
{
    public static readonly IReadOnlyList<string> Fragments = ["{", "}", "[", "]", "\"", ":", ",", "\\", "\\u", "\\ud800", "\\udc00", "null", "1e999", "//", "/*", "\"text\":"];

    public override string Extension => ".json";
    public override bool ManyPerFile => true;
    public override int BreakingWays => 4;
    public override IReadOnlyList<string> SyntaxFragments => Fragments;

    public override byte[] Write(IReadOnlyList<GeneratedArticle> articles) =>
        Utf8("[\n" + string.Join(",\n", articles.Select(Object)) + "\n]\n");

    public override byte[] WriteWithBroken(IReadOnlyList<GeneratedArticle> articles, int broken, int how) =>
        Utf8("[\n" + string.Join(",\n", articles.Select((a, i) => i != broken ? Object(a) : how switch
        {
            0 => "42",
            _ => Broken(a, how - 1),
        })) + "\n]\n");

    public static string Object(GeneratedArticle a) => JsonSerializer.Serialize(new { title = a.Title, text = a.Text, date = a.Date, tags = a.Tags });

    /// <summary>An object that is valid JSON but no readable article: no text, or text that is no valid UTF-16.</summary>
    public static string Broken(GeneratedArticle a, int how) => how switch
    {
        0 => JsonSerializer.Serialize(new { title = a.Title, date = a.Date }),
        1 => $"{{\"title\": {JsonSerializer.Serialize(a.Title)}, \"text\": \"half a pair \\ud800 of surrogates\"}}",
        _ => $"{{\"title\": \"\\udc00 alone\", \"text\": {JsonSerializer.Serialize(a.Text)}}}",
    };
}
