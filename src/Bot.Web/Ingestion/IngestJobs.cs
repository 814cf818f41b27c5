using System.Collections.Concurrent;
using System.Threading.Channels;
using Bot.Core.Ingestion;

namespace Bot.Web.Ingestion;

/// <summary>
/// Runs ingests one at a time in the background (the store has one writer anyway) and keeps the status of
/// the most recent jobs for polling.
/// </summary>
public sealed class IngestJobs(IServiceScopeFactory scopes, ILogger<IngestJobs> logger) : BackgroundService
{
    private const int StatusesKept = 200;
    private readonly Channel<IngestJob> queue = Channel.CreateUnbounded<IngestJob>();
    private readonly ConcurrentDictionary<string, IngestJobStatus> statuses = new();

    internal IngestJobStatus Enqueue(IReadOnlyList<string> inputs, string? uploadFolder, string id)
    {
        var status = new IngestJobStatus(id, IngestJobState.Queued, DateTimeOffset.UtcNow);
        statuses[id] = status;
        Forget();
        queue.Writer.TryWrite(new IngestJob(id, inputs, uploadFolder));
        return status;
    }

    public IngestJobStatus? Get(string id) => statuses.GetValueOrDefault(id);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var job in queue.Reader.ReadAllAsync(stoppingToken))
            await RunAsync(job, stoppingToken);
    }

    private async Task RunAsync(IngestJob job, CancellationToken stoppingToken)
    {
        Update(job.Id, s => s with { State = IngestJobState.Running });
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var pipeline = scope.ServiceProvider.GetRequiredService<IngestPipeline>();
            // Applied on the reporting thread: Progress<T> would post to the thread pool, and a late report could
            // land after the job has succeeded and show it still "indexing".
            var progress = new StatusProgress(p => Update(job.Id, s => s with { Progress = p }));
            var report = await pipeline.RunAsync(job.Inputs, progress, stoppingToken);
            Update(job.Id, s => s with { State = IngestJobState.Succeeded, Report = report });
        }
        catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            logger.LogError(e, "Ingest job {JobId} failed", job.Id);
            Update(job.Id, s => s with { State = IngestJobState.Failed, Error = e.Message });
        }
        finally
        {
            if (job.UploadFolder is not null && Directory.Exists(job.UploadFolder))
                Directory.Delete(job.UploadFolder, recursive: true);
        }
    }

    private void Update(string id, Func<IngestJobStatus, IngestJobStatus> change)
    {
        while (statuses.TryGetValue(id, out var current) && !statuses.TryUpdate(id, change(current), current)) { }
    }

    private void Forget()
    {
        foreach (var old in statuses.Values.OrderByDescending(s => s.Created).Skip(StatusesKept))
            if (old.State is IngestJobState.Succeeded or IngestJobState.Failed)
                statuses.TryRemove(old.Id, out _);
    }

    private sealed class StatusProgress(Action<IngestProgress> report) : IProgress<IngestProgress>
    {
        public void Report(IngestProgress value) => report(value);
    }
}
