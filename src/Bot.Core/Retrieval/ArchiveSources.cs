namespace Bot.Core.Retrieval;

/// <summary>
/// The publishers the stored articles name as their source ("Reuters", "Island Post"), with how many articles each has and
/// the dates they span. Built on the store's article listing, so every store supports it without a new port
/// method; a store that learns to group by source can take over behind this class.
/// </summary>
public sealed class ArchiveSources(IArchiveStore store)
{
    public const string Unknown = "(unknown)";
    private const int PageSize = 500;

    /// <summary>
    /// Sources compare case-insensitively, as filters do; each is named by its most frequent spelling, so
    /// "Reuters" and "reuters" are one source.
    /// </summary>
    public async Task<IReadOnlyList<ArchiveSource>> ListAsync(CancellationToken cancellationToken = default)
    {
        var sources = new Dictionary<string, Tally>(StringComparer.OrdinalIgnoreCase);
        for (var offset = 0; ; offset += PageSize)
        {
            var page = await store.ListArticlesAsync(offset, PageSize, cancellationToken: cancellationToken);
            foreach (var article in page.Items)
            {
                var name = string.IsNullOrWhiteSpace(article.Source) ? Unknown : article.Source.Trim();
                if (!sources.TryGetValue(name, out var tally)) sources[name] = tally = new Tally();
                tally.Add(name, article.Published);
            }
            if (page.Items.Count < PageSize || offset + PageSize >= page.Total) break;
        }
        return sources.Values.Select(t => t.Summary())
            .OrderByDescending(s => s.Articles).ThenBy(s => s.Name, StringComparer.OrdinalIgnoreCase).ToList();
    }

    private sealed class Tally
    {
        private readonly Dictionary<string, int> _spellings = new(StringComparer.Ordinal);
        private int _articles;
        private DateTimeOffset? _oldest, _newest;

        public void Add(string spelling, DateTimeOffset? published)
        {
            _spellings[spelling] = _spellings.GetValueOrDefault(spelling) + 1;
            _articles++;
            _oldest = Earlier(_oldest, published);
            _newest = Later(_newest, published);
        }

        public ArchiveSource Summary() => new(_spellings.MaxBy(s => s.Value).Key, _articles, _oldest, _newest);
    }

    private static DateTimeOffset? Earlier(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null || a <= b ? a : b;
    private static DateTimeOffset? Later(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null || a >= b ? a : b;
}

/// <summary>One source: its name as stored, its article count, and the publication dates it spans (null when undated).</summary>
public sealed record ArchiveSource(string Name, int Articles, DateTimeOffset? Oldest, DateTimeOffset? Newest);
