using System.ComponentModel;
using System.Globalization;
using System.Text;
using Bot.Core.Retrieval;
using Microsoft.SemanticKernel;

namespace Bot.Answering.SemanticKernel.Plugins;

/// <summary>
/// The archive as Semantic Kernel functions, for agents and tool-calling models: search it (numbered passages
/// with their article ids) and read one article whole. Bad arguments get an <see cref="ArgumentException"/>
/// that says what to send instead, which SK hands back to the model.
/// </summary>
public sealed class ArchivePlugin(Retriever retriever, IArchiveStore store)
{
    public const string PluginName = "archive";
    private const int MaxTop = 20;

    [KernelFunction("search_archive")]
    [Description("Searches the news archive. Returns numbered passages, each with its article id, title, date and source.")]
    public async Task<string> SearchArchiveAsync(
        [Description("What to look for, in plain words.")] string query,
        [Description("How many passages to return (1-20).")] int top = 5,
        [Description("Only articles published on or after this date (yyyy-MM-dd).")] string? from = null,
        [Description("Only articles published on or before this date (yyyy-MM-dd).")] string? to = null,
        [Description("Only articles from this source, e.g. Reuters.")] string? source = null,
        CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(query))
            throw new ArgumentException("query is empty; say what to search for.", nameof(query));
        if (top is < 1 or > MaxTop)
            throw new ArgumentException($"top must be between 1 and {MaxTop}, not {top}.", nameof(top));
        var filter = new SearchFilter
        {
            From = ParseDate(from, nameof(from)),
            // "to 2017-10-31" means the whole of that day.
            To = ParseDate(to, nameof(to))?.AddDays(1).AddTicks(-1),
            Source = string.IsNullOrWhiteSpace(source) ? null : source.Trim(),
        };

        var result = await retriever.RetrieveAsync(query, filter, top, cancellationToken: cancellationToken);
        if (result.Passages.Count == 0) return "No passages found.";
        var text = new StringBuilder();
        for (var i = 0; i < result.Passages.Count; i++)
        {
            var passage = result.Passages[i];
            text.Append(CultureInfo.InvariantCulture, $"[{i + 1}] article {passage.Article.Id}: ")
                .AppendLine(Describe(passage.Article.Title, passage.Article.Published, passage.Article.Source))
                .AppendLine(passage.Chunk.Text)
                .AppendLine();
        }
        return text.ToString().TrimEnd();
    }

    [KernelFunction("get_article")]
    [Description("Reads one article of the news archive whole: title, date, source and text.")]
    public async Task<string> GetArticleAsync(
        [Description("The article id, as search_archive gives it.")] string id,
        CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(id))
            throw new ArgumentException("id is empty; pass an article id from search_archive.", nameof(id));
        var article = await store.GetArticleAsync(id.Trim(), cancellationToken);
        if (article is null) return $"No article with id '{id.Trim()}'.";
        return $"article {article.Id}: {Describe(article.Title, article.Published, article.Source)}\n"
               + (article.Url is null ? "" : article.Url + "\n") + "\n" + article.Text;
    }

    private static string Describe(string title, DateTimeOffset? published, string? source) =>
        $"{title} ({published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "undated"}, {source ?? "unknown source"})";

    private static DateTimeOffset? ParseDate(string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (DateTimeOffset.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal, out var date))
            return date;
        throw new ArgumentException($"{name} '{value}' is not a date; write it as yyyy-MM-dd (2017-10-31).", name);
    }
}
