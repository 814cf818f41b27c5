using Bot.Core.Articles;
using Bot.Core.Retrieval;
using Bot.Storage.Qdrant.Connection;
using Bot.Storage.Qdrant.Setup;
using Qdrant.Client.Grpc;
using static Qdrant.Client.Grpc.Conditions;

namespace Bot.Storage.Qdrant.Reading;

/// <summary>
/// Lists article points newest first (undated last), then by title (ordinal, like the embedded store), then id. Qdrant orders a scroll by one
/// indexed number or date only, and leaves out points that lack it, so: dated articles come from a
/// scroll ordered by <c>published</c> (reading offset + limit of them), the run of articles sharing the
/// last date read is completed and sorted by title here, and undated articles are read by an
/// <c>is_empty</c> filter and sorted by title. Work grows with offset + limit, not with the archive.
/// </summary>
internal sealed class ArticleLister(QdrantCalls calls, QdrantOptions options)
{
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
        articles.Insert(0, FilterBuilder.Kind(PointKinds.Article));
        var total = (long)await CountAsync(FilterBuilder.All(articles), ct);
        if (limit == 0 || offset >= total) return new ArticlePage([], (int)total);

        var undatedCondition = IsEmpty(PayloadKeys.Published);
        var dated = (long)await CountAsync(FilterBuilder.All(articles, undatedCondition), ct);
        var wanted = offset + limit;
        var items = new List<ArticleSummary>(limit);
        if (offset < dated)
            items.AddRange((await NewestAsync(articles, (uint)Math.Min(wanted, dated), ct)).Skip(offset).Take(limit));
        if (wanted > dated && items.Count < limit)
        {
            var undated = await ScrollAllAsync([.. articles, undatedCondition], ct);
            undated.Sort(ByTitle);
            items.AddRange(undated.Skip((int)Math.Max(0, offset - dated)).Take(limit - items.Count));
        }
        return new ArticlePage(items, (int)total);
    }

    /// <summary>The first <paramref name="count"/> dated articles in list order.</summary>
    private async Task<List<ArticleSummary>> NewestAsync(List<Condition> articles, uint count, CancellationToken ct)
    {
        var page = await ScrollAsync(FilterBuilder.All(articles), count, null, new OrderBy { Key = PayloadKeys.Published, Direction = Direction.Desc }, ct);
        var newest = page.Result.Select(p => PayloadReader.Summary(p.Payload)).ToList();
        if (newest.Count == 0) return newest;
        // Qdrant breaks date ties by point id; re-read the whole tie at the cut so titles decide it.
        var boundary = newest[^1].Published;
        var tie = await ScrollAllAsync([.. articles, FilterBuilder.Between(PayloadKeys.Published, boundary, boundary)], ct);
        var result = newest.Where(a => a.Published > boundary).Concat(tie).ToList();
        result.Sort(Comparer<ArticleSummary>.Create((a, b) =>
        {
            var c = Nullable.Compare(b.Published, a.Published);
            return c != 0 ? c : ByTitle.Compare(a, b);
        }));
        return result;
    }

    private async Task<List<ArticleSummary>> ScrollAllAsync(List<Condition> must, CancellationToken ct) =>
        [.. (await calls.ScrollAllAsync("list articles", options.Collection, FilterBuilder.All(must), PayloadKeys.Summary, ct)).Select(p => PayloadReader.Summary(p.Payload))];

    private Task<ScrollResponse> ScrollAsync(Filter filter, uint limit, PointId? offset, OrderBy? orderBy, CancellationToken ct) =>
        calls.RunAsync("list articles", (c, t) => c.ScrollAsync(options.Collection, filter, limit, offset,
            PayloadKeys.Summary, orderBy: orderBy, cancellationToken: t), ct);

    private Task<ulong> CountAsync(Filter filter, CancellationToken ct) => calls.CountAsync(options.Collection, filter, ct);
}
