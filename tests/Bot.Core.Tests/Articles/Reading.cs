using Bot.Core.Articles;
using Bot.Core.Fetching;
using Bot.Testing;
using Microsoft.Extensions.Options;

namespace Bot.Core.Tests.Articles;

/// <summary>Runs the real reader over files and URLs and collects what it yields.</summary>
internal static class Reading
{
    /// <summary>What the tests' fetches may reach: the local Kestrel on 127.0.0.1, with no politeness delay.</summary>
    public static FetchOptions Loopback() => new() { AllowedHosts = ["127.0.0.1"], HostDelay = TimeSpan.Zero };

    /// <summary>A reader on a loopback fetcher that lives as long as the test process (for tests that only read files).</summary>
    public static ArticleSourceReader Reader() =>
        new(new WebFetcher(Options.Create(new ArticleLimits()), Options.Create(Loopback())), Options.Create(new ArticleLimits()));

    public static async Task<List<ReadItem>> ReadAllAsync(string pathOrUrl, ArticleLimits? limits = null, FetchOptions? fetch = null)
    {
        limits ??= new ArticleLimits();
        using var fetcher = new WebFetcher(Options.Create(limits), Options.Create(fetch ?? Loopback()));
        var items = new List<ReadItem>();
        await foreach (var item in new ArticleSourceReader(fetcher, Options.Create(limits)).ReadAsync(pathOrUrl, TestContext.Current.CancellationToken))
            items.Add(item);
        return items;
    }

    /// <summary>Writes <paramref name="content"/> to <paramref name="name"/> in <paramref name="folder"/> and reads it.</summary>
    public static async Task<(string Path, List<ReadItem> Items)> WriteAndReadAsync(TempDirectory folder, string name, string content)
    {
        var path = folder.File(name);
        await File.WriteAllTextAsync(path, content, TestContext.Current.CancellationToken);
        return (path, await ReadAllAsync(path));
    }

    public static List<ArticleDraft> Drafts(this IEnumerable<ReadItem> items) => items.OfType<ArticleDraft>().ToList();
    public static List<ReadProblem> Problems(this IEnumerable<ReadItem> items) => items.OfType<ReadProblem>().ToList();

    /// <summary>The single draft of a one-article file, failing with the problems if there is none.</summary>
    public static ArticleDraft Single(this IReadOnlyCollection<ReadItem> items)
    {
        Assert.True(items.Count == 1 && items.First() is ArticleDraft, "expected one draft, got: " + string.Join("; ", items));
        return (ArticleDraft)items.First();
    }

    public static Article Normalized(this ArticleDraft draft)
    {
        var result = ArticleNormalizer.Normalize(draft);
        Assert.True(result.Succeeded, result.Problem?.ToString());
        return result.Article;
    }
}
