using Bot.Core.Articles;
using Bot.Core.Chunking;
using Bot.Core.Fetching;
using Microsoft.Extensions.Options;

namespace Bot.Testing.Hostile;

/// <summary>
/// What must hold whatever a file holds: the reader returns (no exception but cancellation escapes), names the
/// file in everything it yields, gives every problem a reason and every multi-article item a row in order,
/// and every draft it lets through becomes an article whose chunks address its text exactly. Used by the
/// property tests and by the fuzzing targets alike.
/// </summary>
public static class ReaderInvariants
{
    private static readonly ArticleLimits Limits = new();
    private static readonly Chunker Chunker = new(Options.Create(new ChunkingOptions()));

    /// <summary>Reads <paramref name="path"/> with the real reader and checks every invariant; returns what it read.</summary>
    public static async Task<IReadOnlyList<ReadItem>> ReadAndCheckAsync(string path, CancellationToken cancellationToken = default)
    {
        // Files only: the fetcher is never asked for anything.
        using var fetcher = new WebFetcher(Options.Create(Limits), Options.Create(new FetchOptions()));
        var reader = new ArticleSourceReader(fetcher, Options.Create(Limits));
        var items = new List<ReadItem>();
        await foreach (var item in reader.ReadAsync(path, cancellationToken)) items.Add(item);
        Check(items, path);
        return items;
    }

    public static void Check(IReadOnlyList<ReadItem> items, string path)
    {
        Assert.NotEmpty(items); // a file always yields a draft or says why not
        var lastRow = 0;
        foreach (var item in items)
        {
            Assert.Equal(path, item.Origin);
            if (item.Row is { } row)
            {
                Assert.True(row > lastRow, $"row {row} after row {lastRow}: {item}");
                lastRow = row;
            }
            switch (item)
            {
                case ReadProblem problem:
                    Assert.False(string.IsNullOrWhiteSpace(problem.Reason), $"a problem without a reason at {problem.Location}");
                    break;
                case ArticleDraft draft:
                    Assert.True(draft.HasText, $"a draft without text at {draft.Location}");
                    Assert.InRange(draft.Text.Length, 1, Limits.MaxArticleChars);
                    CheckGoesIn(draft);
                    break;
            }
        }
    }

    /// <summary>A draft the reader lets through is normalised and chunked without error, chunks addressing the text exactly.</summary>
    private static void CheckGoesIn(ArticleDraft draft)
    {
        var normalized = ArticleNormalizer.Normalize(draft);
        if (!normalized.Succeeded)
        {
            Assert.Equal(draft.Origin, normalized.Problem.Origin);
            return;
        }
        var article = normalized.Article;
        ChunkInvariants.Check(article, Chunker.Chunk(article));
    }
}
