namespace Bot.Core.Tests.Articles.Properties;

/// <summary>A .txt file: the headline on the first line, a blank line, the text.</summary>
public sealed class TextCase : ReaderCase
{
    public override string Extension => ".txt";
    public override IReadOnlyList<string> SyntaxFragments => ["\n", "\r\n", "\r", "\uFEFF", "\n\n"];

    public override byte[] Write(IReadOnlyList<GeneratedArticle> articles) =>
        Utf8($"{articles[0].Title}\n\n{articles[0].Text}");
}
