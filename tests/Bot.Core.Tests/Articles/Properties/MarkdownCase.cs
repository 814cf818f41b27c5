namespace Bot.Core.Tests.Articles.Properties;

/// <summary>Markdown with front matter (title, date, tags) and the text as the body.</summary>
public sealed class MarkdownCase : ReaderCase
{
    public override string Extension => ".md";
    public override IReadOnlyList<string> SyntaxFragments => ["---\n", "\n---", "---", "# ", "\n# ", "title:", "date: ", "tags: [", "]", "- ", ":", "\"", "'"];

    public override string ExpectedText(GeneratedArticle article) => "Lead " + article.Text;

    // The body opens with a word so a "# ..." fragment of the text is never taken for the title heading.
    public override byte[] Write(IReadOnlyList<GeneratedArticle> articles)
    {
        var a = articles[0];
        return Utf8($"---\ntitle: {a.Title}\ndate: \"{a.Date.ReplaceLineEndings(" ")}\"\ntags: [{string.Join(", ", a.Tags)}]\n---\n\nLead {a.Text}\n");
    }
}
