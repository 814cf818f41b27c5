using System.Text.Json;

namespace Bot.Core.Tests.Articles.Properties;

/// <summary>One JSON object per line.</summary>
public sealed class JsonLinesCase : ReaderCase
{
    public override string Extension => ".jsonl";
    public override bool ManyPerFile => true;
    public override int BreakingWays => 5;
    public override IReadOnlyList<string> SyntaxFragments => JsonCase.Fragments;

    public override byte[] Write(IReadOnlyList<GeneratedArticle> articles) =>
        Utf8(string.Concat(articles.Select(a => JsonCase.Object(a) + "\n")));

    public override byte[] WriteWithBroken(IReadOnlyList<GeneratedArticle> articles, int broken, int how) =>
        Utf8(string.Concat(articles.Select((a, i) => (i != broken ? JsonCase.Object(a) : how switch
        {
            0 => JsonCase.Object(a)[..^1],           // never closed
            1 => JsonSerializer.Serialize(a.Text),     // a string, not an object
            _ => JsonCase.Broken(a, how - 2),
        }) + "\n")));
}
