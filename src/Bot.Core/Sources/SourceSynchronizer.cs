using System.Diagnostics;
using Bot.Core.Articles;
using Bot.Core.Articles.Metadata;
using Bot.Core.Fetching;
using Bot.Core.Ingestion;
using Bot.Core.Sources.Listing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Core.Sources;

/// <summary>
/// Syncs one source: lists its items (a 304 for the listing ends it there), keeps those its patterns allow, skips
/// what is known unchanged without downloading it (a sitemap's unchanged lastmod, a folder's unchanged file),
/// takes the newest <see cref="SourceDefinition.MaxItems"/> of the rest, and ingests them in batches: each page
/// fetched with a conditional GET and robots.txt respected, extracted, filled from the listing, then through the
/// ingest pipeline (fingerprints skip unchanged articles). Each batch's items are recorded in the archive after the
/// batch commits, so a sync stopped half way resumes where it stopped; the listing's validators are stored only
/// when a sync dealt with every item, so nothing is skipped for good by a 304.
/// </summary>
public sealed class SourceSynchronizer(
    WebFetcher fetcher,
    ArticleSourceReader reader,
    IngestPipeline pipeline,
    ISourceStateStore store,
    IOptions<IngestOptions> ingest,
    IOptions<ArticleLimits> limits,
    IOptions<FetchOptions> fetch,
    IOptions<SourceSyncOptions> sync,
    TimeProvider time,
    ILogger<SourceSynchronizer> logger)
{
    private readonly WebListingReader listings = new(fetcher, limits.Value);

    public async Task<SyncReport> SyncAsync(SourceDefinition source, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var started = time.GetUtcNow();
        var state = ((await store.GetStatesAsync(cancellationToken)).GetValueOrDefault(source.Name) ?? SourceState.New(source.Name))
            with { LastStarted = started };
        await store.SaveStateAsync(state, cancellationToken);
        var known = await store.GetItemsAsync(source.Name, cancellationToken);

        SyncReport report;
        if (source.IsWeb)
        {
            var listing = await listings.ReadAsync(source, state, known, cancellationToken);
            if (listing.NotModified)
                report = new SyncReport { Source = source.Name, Started = started, ListingNotModified = true };
            else if (listing.Problem is not null)
                report = new SyncReport { Source = source.Name, Started = started, Error = listing.Problem };
            else
            {
                report = await IngestItemsAsync(source, listing.Pages, known, started, cancellationToken);
                var complete = report.Counts is { Failed: 0, Deferred: 0 } && listing.Children.All(c => c.Error is null);
                await store.SaveItemsAsync(source.Name, ChildStates(listing, known, complete), cancellationToken);
                report = report with
                {
                    Problems = [.. listing.Children.Where(c => c.Error is not null).Select(c => new SyncProblem(c.Item.Location, c.Error!)), .. report.Problems],
                };
                state = state with { ETag = complete ? listing.ETag : null, LastModified = complete ? listing.LastModified : null };
            }
        }
        else
        {
            var listing = FolderListingReader.Read(source);
            report = listing.Problem is not null
                ? new SyncReport { Source = source.Name, Started = started, Error = listing.Problem }
                : await IngestItemsAsync(source, listing.Items, known, started, cancellationToken);
        }

        report = report with { Elapsed = clock.Elapsed };
        await store.SaveStateAsync(Finished(state, source, report), cancellationToken);
        logger.LogInformation(
            "Synced source {Source}: {Added} added, {Updated} updated, {Unchanged} unchanged, {NotModified} not modified, {Failed} failed, {Deferred} deferred in {Seconds:F1} s{Error}",
            source.Name, report.Counts.Added, report.Counts.Updated, report.Counts.Unchanged, report.Counts.NotModified,
            report.Counts.Failed, report.Counts.Deferred, report.Elapsed.TotalSeconds, report.Error is null ? "" : "; failed: " + report.Error);
        return report;
    }

    private SourceState Finished(SourceState state, SourceDefinition source, SyncReport report)
    {
        var now = time.GetUtcNow();
        return state with
        {
            LastFinished = now,
            LastSucceeded = report.Succeeded ? now : state.LastSucceeded,
            ConsecutiveFailures = report.Succeeded ? 0 : state.ConsecutiveFailures + 1,
            LastError = report.Error,
            LastCounts = report.Counts,
            NextDue = SourceSchedule.NextDue(now, source.Interval, sync.Value.Jitter, Random.Shared),
        };
    }

    private async Task<SyncReport> IngestItemsAsync(SourceDefinition source, IReadOnlyList<ListedItem> listed,
        IReadOnlyDictionary<string, SourceItemState> known, DateTimeOffset started, CancellationToken cancellationToken)
    {
        var allowed = listed
            .Where(i => ItemPatterns.Allows(source, source.IsWeb ? i.Location : Path.GetRelativePath(source.Location, i.Location)))
            .DistinctBy(i => i.Key)
            .ToList();
        var unchanged = allowed.Where(i => KnownUnchanged(source, i, known.GetValueOrDefault(i.Key))).ToList();
        // Items never ingested come first (newest first), then known ones to re-check, so MaxItems defers the
        // re-checks rather than leaving older new items out for good.
        var candidates = allowed.Except(unchanged)
            .OrderBy(i => known.GetValueOrDefault(i.Key) is { Error: null } ? 1 : 0)
            .ThenByDescending(i => PublishedDateParser.Parse(i.Listed ?? i.Published) ?? DateTimeOffset.MinValue)
            .ToList();
        var chosen = candidates.Take(source.MaxItems).ToList();

        var counts = new SyncCounts { Listed = allowed.Count, NotModified = unchanged.Count, Deferred = candidates.Count - chosen.Count };
        var problems = new List<SyncProblem>();
        var (attempted, succeeded) = (0, 0);
        var now = time.GetUtcNow();
        // Touch what was skipped for free, so "last seen" says the listing still has it.
        await store.SaveItemsAsync(source.Name, unchanged.Select(i => known[i.Key] with { LastSeen = now }).ToList(), cancellationToken);

        foreach (var batch in chosen.Chunk(Math.Max(1, ingest.Value.BatchSize)))
        {
            var results = new ItemResult[batch.Length];
            await Parallel.ForEachAsync(Enumerable.Range(0, batch.Length),
                new ParallelOptions { MaxDegreeOfParallelism = Math.Max(2, fetch.Value.RequestsPerHost * 2), CancellationToken = cancellationToken },
                async (i, ct) => results[i] = await ReadItemAsync(source, batch[i], known.GetValueOrDefault(batch[i].Key), ct));

            var ingested = await pipeline.RunAsync(results.SelectMany(r => r.Read).ToAsyncEnumerable(), cancellationToken: cancellationToken);
            var states = ItemStates(results, ingested, known);
            attempted += results.Length;
            succeeded += states.Count(state => state.Error is null);
            problems.AddRange(results.Where(r => r.Failure is not null).Select(r => new SyncProblem(r.Item.Location, r.Failure!)));
            problems.AddRange(ingested.Problems.Select(p => new SyncProblem(p.Location, p.Reason)));
            await store.SaveItemsAsync(source.Name, states, cancellationToken);
            counts = counts.Plus(new SyncCounts
            {
                Added = ingested.Added, Updated = ingested.Updated, Unchanged = ingested.Unchanged,
                NotModified = results.Count(r => r.NotModified), Failed = states.Count(s => s.Error is not null),
            });
        }

        return new SyncReport
        {
            Source = source.Name,
            Started = started,
            Counts = counts,
            Problems = problems,
            Error = attempted > 0 && succeeded == 0 ? $"all {attempted} items failed; the first: {problems.FirstOrDefault()?.Reason}" : null,
        };
    }

    /// <summary>
    /// Each item's row after its batch committed: validators and listing date when it went in (or was not modified),
    /// else the reason, so the next sync fetches it afresh. An item fails when none of its articles went in.
    /// </summary>
    private List<SourceItemState> ItemStates(ItemResult[] results, IngestReport ingested, IReadOnlyDictionary<string, SourceItemState> known)
    {
        var now = time.GetUtcNow();
        var failedAt = ingested.Problems.ToLookup(p => p.Origin);
        return results.Select(result =>
        {
            var previous = known.GetValueOrDefault(result.Item.Key);
            // The pipeline reports the item's read problems and its drafts that failed normalisation alike.
            var failures = failedAt[result.Item.Location].ToList();
            var unusable = failures.Count - result.Read.Count(r => r is ReadProblem);
            var went = result.NotModified || result.Read.Count(r => r is ArticleDraft) > unusable;
            var error = result.Failure ?? (went ? null : failures.FirstOrDefault()?.Reason ?? "nothing to ingest");
            return new SourceItemState
            {
                Key = result.Item.Key,
                ETag = error is null ? result.ETag : null,
                LastModified = error is null ? result.LastModified : null,
                Listed = error is null ? result.Item.Listed : previous?.Listed,
                FirstSeen = previous?.FirstSeen ?? now,
                LastSeen = now,
                Error = error,
                Failures = error is null ? 0 : (previous?.Failures ?? 0) + 1,
            };
        }).ToList();
    }

    /// <summary>Known unchanged without a download: a sitemap's lastmod as before, or a folder's file as before.</summary>
    private static bool KnownUnchanged(SourceDefinition source, ListedItem item, SourceItemState? previous) =>
        previous is { Error: null } && source.Kind switch
        {
            SourceKind.Sitemap => item.Listed is not null && item.Listed == previous.Listed,
            SourceKind.Folder => previous.ETag == FolderListingReader.Signature(item.Location),
            _ => false,
        };

    private async Task<ItemResult> ReadItemAsync(SourceDefinition source, ListedItem item, SourceItemState? previous, CancellationToken cancellationToken)
    {
        if (!source.IsWeb)
        {
            var read = new List<ReadItem>();
            var signature = FolderListingReader.Signature(item.Location);
            await foreach (var found in reader.ReadAsync(item.Location, cancellationToken)) read.Add(Filled(item, found));
            return new ItemResult(item, read) { ETag = signature };
        }

        // A failed item is fetched afresh: its validators belong to content that never went in.
        var request = previous is { Error: null }
            ? new FetchRequest { ETag = previous.ETag, LastModified = previous.LastModified, RespectRobots = true }
            : new FetchRequest { RespectRobots = true };
        return await fetcher.GetAsync(new Uri(item.Location), request, cancellationToken) switch
        {
            NotModified => new ItemResult(item, []) { NotModified = true, ETag = previous?.ETag, LastModified = previous?.LastModified },
            FetchedContent content => new ItemResult(item, [Filled(item, reader.Extract(content, item.Location))])
            {
                ETag = content.ETag,
                LastModified = content.LastModified,
            },
            FetchFailure failure => new ItemResult(item, []) { Failure = failure.Reason },
            _ => new ItemResult(item, []) { Failure = "unexpected fetch result" },
        };
    }

    private static ReadItem Filled(ListedItem item, ReadItem read) => read is ArticleDraft draft ? item.Fill(draft) : read;

    /// <summary>The child sitemaps' rows: their validators only when the sync was complete, so an incomplete one lists them again.</summary>
    private IReadOnlyCollection<SourceItemState> ChildStates(WebListing listing, IReadOnlyDictionary<string, SourceItemState> known, bool complete)
    {
        var now = time.GetUtcNow();
        return listing.Children.Select(c =>
        {
            var previous = known.GetValueOrDefault(c.Item.Key);
            return new SourceItemState
            {
                Key = c.Item.Key,
                ETag = complete ? c.ETag : null,
                LastModified = complete ? c.LastModified : null,
                Listed = c.Item.Listed,
                FirstSeen = previous?.FirstSeen ?? now,
                LastSeen = now,
                Error = c.Error,
                Failures = c.Error is null ? 0 : (previous?.Failures ?? 0) + 1,
            };
        }).ToList();
    }

    private sealed record ItemResult(ListedItem Item, IReadOnlyList<ReadItem> Read)
    {
        public bool NotModified { get; init; }
        public string? Failure { get; init; }
        public string? ETag { get; init; }
        public string? LastModified { get; init; }
    }
}
