using System.Text;

namespace Bot.Core.Tests.Articles.Properties;

/// <summary>
/// How files of one format are written and broken, so every property of <see cref="ReaderProperties"/> runs
/// over every reader. A new reader (PDF, say) joins by adding a case to <see cref="ReaderCases.All"/>: its
/// extension, how to write generated articles, the syntax fragments a fuzzer should splice in, and, for
/// formats with many articles per file, how to break one record.
/// </summary>
public abstract class ReaderCase
{
    public abstract string Extension { get; }

    /// <summary>Whether a file holds many articles, numbered by row, line or item.</summary>
    public virtual bool ManyPerFile => false;

    /// <summary>A well-formed file holding <paramref name="articles"/> (only the first when the format holds one).</summary>
    public abstract byte[] Write(IReadOnlyList<GeneratedArticle> articles);

    /// <summary>
    /// The file with article <paramref name="broken"/> made unreadable as an article; the others stay well-formed.
    /// <paramref name="how"/> picks one of <see cref="BreakingWays"/>. Only for <see cref="ManyPerFile"/> formats.
    /// </summary>
    public virtual byte[] WriteWithBroken(IReadOnlyList<GeneratedArticle> articles, int broken, int how) =>
        throw new NotSupportedException($"{Extension} files hold one article.");

    /// <summary>How many ways <see cref="WriteWithBroken"/> knows.</summary>
    public virtual int BreakingWays => 0;

    /// <summary>Pieces of the format's syntax that mutations splice into files (quotes, brackets, tags, fences).</summary>
    public abstract IReadOnlyList<string> SyntaxFragments { get; }

    /// <summary>Whether the article's text comes through character for character (spacing aside).</summary>
    public virtual bool KeepsText => true;

    /// <summary>The text a reader should find for <paramref name="article"/> when it <see cref="KeepsText"/>.</summary>
    public virtual string ExpectedText(GeneratedArticle article) => article.Text;

    /// <summary>Whether the article's title comes through as the draft's title.</summary>
    public virtual bool KeepsTitle => true;

    protected static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    public override string ToString() => Extension;
}
