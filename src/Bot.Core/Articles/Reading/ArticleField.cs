namespace Bot.Core.Articles.Reading;

/// <summary>The article fields a column, JSON property or front-matter key can fill.</summary>
internal enum ArticleField { Title, Text, Published, Url, Source, Author, Tags }

/// <summary>
/// Maps the names publishers use for a field to the field: CSV headers, JSON properties, front matter and
/// sidecar keys all go through here, so every format understands the same aliases.
/// </summary>
internal static class ArticleFieldNames
{
    private static readonly Dictionary<string, ArticleField> Aliases = new(StringComparer.Ordinal)
    {
        ["title"] = ArticleField.Title, ["headline"] = ArticleField.Title,
        ["text"] = ArticleField.Text, ["body"] = ArticleField.Text, ["content"] = ArticleField.Text,
        ["article"] = ArticleField.Text,
        ["date"] = ArticleField.Published, ["published"] = ArticleField.Published,
        ["publishedat"] = ArticleField.Published, ["pubdate"] = ArticleField.Published,
        ["url"] = ArticleField.Url, ["link"] = ArticleField.Url,
        ["source"] = ArticleField.Source, ["publisher"] = ArticleField.Source,
        ["author"] = ArticleField.Author, ["byline"] = ArticleField.Author,
        ["tags"] = ArticleField.Tags, ["keywords"] = ArticleField.Tags, ["category"] = ArticleField.Tags,
        ["subject"] = ArticleField.Tags,
    };

    /// <summary>The names that fill <paramref name="field"/>, for error messages.</summary>
    public static IEnumerable<string> NamesOf(ArticleField field) =>
        Aliases.Where(a => a.Value == field).Select(a => a.Key);

    /// <summary>Case, spaces, '_' and '-' are ignored: "Published_At", "publishedAt" and "published at" all match.</summary>
    public static bool TryResolve(string name, out ArticleField field)
    {
        var key = new string(name.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
        return Aliases.TryGetValue(key, out field);
    }
}
