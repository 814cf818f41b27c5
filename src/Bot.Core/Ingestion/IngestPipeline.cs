using System.Diagnostics;
using Bot.Core.Articles;
using Bot.Core.Retrieval;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Core.Ingestion;

/// <summary>
/// read → normalise → dedupe → skip unchanged → chunk + embed → save, in batches that each commit atomically.
/// Bad input is reported (file, row, reason) and skipped; the rest goes in. Killed half way, a re-run skips
/// the committed batches as unchanged and finishes the job.
/// </summary>
public sealed class IngestPipeline(
    ArticleSourceReader reader,
    ArticleIndexer indexer,
    IArchiveStore store,
    IOptions<IngestOptions> options,
    ILogger<IngestPipeline> logger,
    IIngestMoments? moments = null)
{
    public Task<IngestReport> RunAsync(IReadOnlyList<string> inputs, IProgress<IngestProgress>? progress = null,
        CancellationToken cancellationToken = default) =>
        RunAsync(ReadInputsAsync(inputs, cancellationToken), progress, cancellationToken);

    /// <summary>The same pipeline over items read elsewhere (a source's pages and files, with their listing's metadata).</summary>
    public async Task<IngestReport> RunAsync(IAsyncEnumerable<ReadItem> items, IProgress<IngestProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        await store.InitializeAsync(indexer.Space, cancellationToken);

        var (articles, problems, duplicates) = await ReadAsync(items, progress, clock, cancellationToken);
        var stored = await store.GetFingerprintsAsync(articles.Select(a => a.Id).ToList(), cancellationToken);
        var changed = articles.Where(a => !stored.TryGetValue(a.Id, out var fp) || fp != indexer.Fingerprint(a)).ToList();
        var unchanged = articles.Count - changed.Count;

        var indexingClock = Stopwatch.StartNew();
        var chunks = 0;
        var done = 0;
        progress?.Report(new IngestProgress(IngestStage.Indexing, 0, changed.Count, 0, problems.Count, TimeSpan.Zero));
        foreach (var batch in changed.Chunk(Math.Max(1, options.Value.BatchSize)))
        {
            var indexed = await indexer.IndexAsync(batch, cancellationToken);
            await store.SaveAsync(indexed, cancellationToken);
            moments?.Reached(IngestMoment.BatchCommitted);
            chunks += indexed.Sum(a => a.Chunks.Count);
            done += batch.Length;
            progress?.Report(new IngestProgress(IngestStage.Indexing, done, changed.Count, chunks, problems.Count, indexingClock.Elapsed));
        }

        var report = new IngestReport
        {
            Added = changed.Count(a => !stored.ContainsKey(a.Id)),
            Updated = changed.Count(a => stored.ContainsKey(a.Id)),
            Unchanged = unchanged,
            Problems = problems,
            Duplicates = duplicates,
            Chunks = chunks,
            Elapsed = clock.Elapsed,
        };
        progress?.Report(new IngestProgress(IngestStage.Done, done, changed.Count, chunks, problems.Count, clock.Elapsed));
        logger.LogInformation(
            "Ingest finished: {Added} added, {Updated} updated, {Unchanged} unchanged, {Failed} failed, {Duplicates} duplicates, {Chunks} chunks in {Seconds:F1} s",
            report.Added, report.Updated, report.Unchanged, report.Failed, report.Duplicates.Count, report.Chunks, report.Elapsed.TotalSeconds);
        return report;
    }

    private async IAsyncEnumerable<ReadItem> ReadInputsAsync(IReadOnlyList<string> inputs,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var input in inputs)
            await foreach (var item in reader.ReadAsync(input, cancellationToken))
                yield return item;
    }

    private async Task<(List<Article> Articles, List<ReadProblem> Problems, List<DuplicateArticle> Duplicates)> ReadAsync(
        IAsyncEnumerable<ReadItem> items, IProgress<IngestProgress>? progress, Stopwatch clock, CancellationToken cancellationToken)
    {
        var articles = new List<Article>();
        var firstSeen = new Dictionary<string, string>(StringComparer.Ordinal);
        var problems = new List<ReadProblem>();
        var duplicates = new List<DuplicateArticle>();
        await foreach (var item in items.WithCancellation(cancellationToken))
        {
            switch (item)
            {
                case ReadProblem problem:
                    problems.Add(problem);
                    logger.LogWarning("Skipped {Location}: {Reason}", problem.Location, problem.Reason);
                    break;
                case ArticleDraft draft:
                    var normalized = ArticleNormalizer.Normalize(draft);
                    if (!normalized.Succeeded)
                    {
                        problems.Add(normalized.Problem);
                        logger.LogWarning("Skipped {Location}: {Reason}", normalized.Problem.Location, normalized.Problem.Reason);
                    }
                    else if (firstSeen.TryGetValue(normalized.Article.Id, out var first))
                    {
                        duplicates.Add(new DuplicateArticle(normalized.Article.Id, draft.Location, first));
                    }
                    else
                    {
                        firstSeen[normalized.Article.Id] = draft.Location;
                        articles.Add(normalized.Article);
                        moments?.Reached(IngestMoment.ArticleRead);
                    }
                    break;
            }
            if ((articles.Count + problems.Count) % 100 == 0)
                progress?.Report(new IngestProgress(IngestStage.Reading, articles.Count, 0, 0, problems.Count, clock.Elapsed));
        }
        return (articles, problems, duplicates);
    }
}
