using Bot.Core.Sources;
using Microsoft.Extensions.Options;

namespace Bot.Web.Sources;

/// <summary>
/// Syncs sources on their schedule inside the web host: each when due (its interval with jitter after the last
/// sync, kept in the archive so a restart keeps the schedule), at most <see cref="SourceSyncOptions.Concurrency"/>
/// at once and each source once at a time. "Sync now" goes through here too, so shutdown cancels every sync and
/// waits for it; a cancelled sync resumes at its next run.
/// </summary>
public sealed class SourceSyncService(
    SourceCatalog catalog,
    SourceSyncRunner runner,
    IOptions<SourceSyncOptions> options,
    TimeProvider time,
    ILogger<SourceSyncService> logger) : BackgroundService
{
    /// <summary>How often the catalog is read again when nothing is due sooner (sources added by the CLI appear then).</summary>
    private static readonly TimeSpan Poll = TimeSpan.FromMinutes(1);
    /// <summary>How long a source whose sync threw (not a failed sync: an error of the bot) waits before it is tried again.</summary>
    private static readonly TimeSpan RetryAfterError = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim wake = new(0);
    private readonly Dictionary<string, DateTimeOffset> erroredUntil = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<Task> running = [];
    private SemaphoreSlim? slots;
    private CancellationToken stopping = new(canceled: true);

    /// <summary>Starts a sync of <paramref name="name"/> now; false when it is already being synced or the host is stopping.</summary>
    public bool SyncNow(SourceDefinition source)
    {
        if (stopping.IsCancellationRequested || runner.IsSyncing(source.Name)) return false;
        Start(source);
        return true;
    }

    /// <summary>Looks at the schedule again at once (a source was added).</summary>
    public void Nudge() => wake.Release();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        stopping = stoppingToken;
        slots = new SemaphoreSlim(Math.Max(1, options.Value.Concurrency));
        if (!options.Value.Enabled) logger.LogInformation("Scheduled source sync is off (SourceSync:Enabled=false); 'sync now' still works");
        try
        {
            while (!stoppingToken.IsCancellationRequested)
                await WaitAsync(options.Value.Enabled ? ScheduleDue(await ListAsync(stoppingToken)) : time.GetUtcNow() + Poll, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: the running syncs were cancelled with the same token.
        }
        Task[] remaining;
        lock (running) remaining = [.. running];
        await Task.WhenAll(remaining);
    }

    /// <summary>Starts every due source that is not syncing; returns when the next one falls due.</summary>
    private DateTimeOffset ScheduleDue(IReadOnlyList<SourceView> sources)
    {
        var now = time.GetUtcNow();
        var next = now + Poll;
        foreach (var view in sources)
        {
            if (runner.IsSyncing(view.Definition.Name)) continue;
            var due = SourceSchedule.DueAt(view.State);
            lock (erroredUntil)
                if (erroredUntil.TryGetValue(view.Definition.Name, out var until) && until > due) due = until;
            if (due <= now) Start(view.Definition);
            else if (due < next) next = due;
        }
        return next;
    }

    private async Task<IReadOnlyList<SourceView>> ListAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await catalog.ListAsync(cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            logger.LogError(error, "Could not read the sources; trying again in {Poll}", Poll);
            return [];
        }
    }

    private async Task WaitAsync(DateTimeOffset until, CancellationToken cancellationToken)
    {
        var delay = until - time.GetUtcNow();
        if (delay <= TimeSpan.Zero) return;
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var woken = wake.WaitAsync(either.Token);
        await Task.WhenAny(Task.Delay(delay, time, either.Token), woken);
        await either.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
    }

    private void Start(SourceDefinition source)
    {
        var task = RunAsync(source);
        lock (running)
        {
            running.RemoveAll(t => t.IsCompleted);
            running.Add(task);
        }
    }

    private async Task RunAsync(SourceDefinition source)
    {
        try
        {
            await slots!.WaitAsync(stopping);
            try
            {
                await runner.TrySyncAsync(source, stopping);
            }
            finally
            {
                slots.Release();
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            logger.LogInformation("Sync of source {Source} stopped by shutdown; it resumes at its next run", source.Name);
        }
        catch (Exception error)
        {
            logger.LogError(error, "Sync of source {Source} failed with an error; trying again in {Retry}", source.Name, RetryAfterError);
            lock (erroredUntil) erroredUntil[source.Name] = time.GetUtcNow() + RetryAfterError;
        }
        Nudge();
    }
}
