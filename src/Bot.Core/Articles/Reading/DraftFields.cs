namespace Bot.Core.Articles.Reading;

/// <summary>
/// Collects named values (a CSV row, a JSON object, front matter, a sidecar) into article fields. The first
/// non-empty value of a field wins; every tags-like value adds tags.
/// </summary>
internal sealed class DraftFields
{
    private static readonly char[] TagSeparators = [',', ';', '|'];
    private readonly Dictionary<ArticleField, string> values = [];
    private readonly List<string> tags = [];

    /// <summary>Adds <paramref name="value"/> under <paramref name="name"/>; names that are no known field are ignored.</summary>
    public void Add(string name, string? value)
    {
        if (ArticleFieldNames.TryResolve(name, out var field)) Add(field, value);
    }

    public void Add(ArticleField field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return;
        if (field == ArticleField.Tags)
            tags.AddRange(value.Split(TagSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        else
            values.TryAdd(field, value);
    }

    public ArticleDraft ToDraft(string origin, int? row) =>
        Overlay(new ArticleDraft(origin, row, Get(ArticleField.Text) ?? ""));

    /// <summary>The draft with every field found here replacing its own, tags included; the text is never replaced.</summary>
    public ArticleDraft Overlay(ArticleDraft draft) => draft with
    {
        Title = Get(ArticleField.Title) ?? draft.Title,
        PublishedRaw = Get(ArticleField.Published) ?? draft.PublishedRaw,
        Source = Get(ArticleField.Source) ?? draft.Source,
        Url = Get(ArticleField.Url) ?? draft.Url,
        Author = Get(ArticleField.Author) ?? draft.Author,
        Tags = tags.Count > 0 ? tags.ToArray() : draft.Tags,
    };

    private string? Get(ArticleField field) => values.GetValueOrDefault(field);
}
