using System.Text.Json;
using Bot.Core.Articles;
using Bot.Core.Retrieval;
using Bot.Storage.Qdrant.Protocol;
using Bot.Storage.Qdrant.Transport;

namespace Bot.Storage.Qdrant.Reading;

/// <summary>
/// Lists article points newest first (undated last), then by title (ordinal, like the embedded store), then id. Qdrant orders a scroll by one
/// indexed number or date only, and leaves out points that lack it, so: dated articles come from a
/// scroll ordered by <c>published</c> (reading offset + limit of them), the run of articles sharing the
/// last date read is completed and sorted by title here, and undated articles are read by an
/// <c>is_empty</c> filter and sorted by title. Work grows with offset + limit, not with the archive.
/// </summary>
internal sealed class ArticleLister(QdrantTransport transport, QdrantOptions options)
{
    private const int PageSize = 256;
    private static readonly IComparer<ArticleSummary> ByTitle = Comparer<ArticleSummary>.Create((a, b) =>
    {
        var c = StringComparer.Ordinal.Compare(a.Title, b.Title);
        return c != 0 ? c : StringComparer.Ordinal.Compare(a.Id, b.Id);
    });

    public async Task<ArticlePage> ListAsync(int offset, int limit, SearchFilter? filter, CancellationToken ct)
    {
        if (offset < 0) throw new ArgumentOutOfRangeException(nameof(offset), offset, "The offset cannot be negative.");
        if (limit < 0) throw new ArgumentOutOfRangeException(nameof(limit), limit, "The limit cannot be negative.");
        var articles = FilterBuilder.Conditions(filter);
        articles.Insert(0, Conditions.Kind(PointKinds.Article));
        var total = await CountAsync(articles, ct);
        if (limit == 0 || offset >= total) return new ArticlePage([], (int)total);

        var undatedCondition = Conditions.Empty(PayloadKeys.Published);
        var dated = await transport.CountAsync(options.Collection, new Filter { Must = articles, MustNot = [undatedCondition] }, ct);
        var wanted = offset + limit;
        var items = new List<ArticleSummary>(limit);
        if (offset < dated)
            items.AddRange((await NewestAsync(articles, (int)Math.Min(wanted, dated), ct)).Skip(offset).Take(limit));
        if (wanted > dated && items.Count < limit)
        {
            var undated = await ScrollAllAsync([.. articles, undatedCondition], ct);
            undated.Sort(ByTitle);
            items.AddRange(undated.Skip((int)Math.Max(0, offset - dated)).Take(limit - items.Count));
        }
        return new ArticlePage(items, (int)total);
    }

    /// <summary>The first <paramref name="count"/> dated articles in list order.</summary>
    private async Task<List<ArticleSummary>> NewestAsync(List<Condition> articles, int count, CancellationToken ct)
    {
        var page = await transport.ScrollAsync(options.Collection, new ScrollRequest
        {
            Filter = new Filter { Must = articles },
            Limit = count,
            WithPayload = PayloadKeys.Summary,
            OrderBy = new OrderBy(PayloadKeys.Published, "desc"),
        }, ct);
        var newest = page.Points.Select(p => PayloadReader.Summary(p.Payload)).ToList();
        if (newest.Count == 0) return newest;
        // Qdrant breaks date ties by point id; re-read the whole tie at the cut so titles decide it.
        var boundary = newest[^1].Published;
        var tie = await ScrollAllAsync([.. articles, Conditions.Between(PayloadKeys.Published, boundary, boundary)], ct);
        var result = newest.Where(a => a.Published > boundary).Concat(tie).ToList();
        result.Sort(Comparer<ArticleSummary>.Create((a, b) =>
        {
            var c = Nullable.Compare(b.Published, a.Published);
            return c != 0 ? c : ByTitle.Compare(a, b);
        }));
        return result;
    }

    private async Task<List<ArticleSummary>> ScrollAllAsync(List<Condition> must, CancellationToken ct)
    {
        var all = new List<ArticleSummary>();
        JsonElement? offset = null;
        do
        {
            var page = await transport.ScrollAsync(options.Collection, new ScrollRequest
            {
                Filter = new Filter { Must = must },
                Limit = PageSize,
                Offset = offset,
                WithPayload = PayloadKeys.Summary,
            }, ct);
            all.AddRange(page.Points.Select(p => PayloadReader.Summary(p.Payload)));
            offset = page.NextPageOffset is { ValueKind: not JsonValueKind.Null } next ? next : null;
        } while (offset is not null);
        return all;
    }

    private Task<long> CountAsync(List<Condition> must, CancellationToken ct) =>
        transport.CountAsync(options.Collection, new Filter { Must = must }, ct);
}
