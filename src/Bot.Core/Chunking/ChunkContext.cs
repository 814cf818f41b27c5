using System.Globalization;
using Bot.Core.Articles;

namespace Bot.Core.Chunking;

/// <summary>
/// The line indexed with every chunk of an article: its title, then where and when it was filed
/// ("Niger asks U.S. to arm drones — Niamey, November 1, 2017"), with only the parts that exist.
/// </summary>
public static class ChunkContext
{
    public static string For(Article article)
    {
        var dateline = string.Join(", ", new[] { article.Place?.Trim(), FormatDate(article.Published) }
            .Where(part => !string.IsNullOrEmpty(part)));
        var title = article.Title.Trim();
        if (dateline.Length == 0) return title;
        return title.Length == 0 ? dateline : $"{title} — {dateline}";
    }

    private static string? FormatDate(DateTimeOffset? published) =>
        published?.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture);
}
