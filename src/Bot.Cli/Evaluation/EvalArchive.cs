using System.CommandLine;
using Bot.Cli.Output;
using Bot.Core.Evaluation;
using Bot.Core.Ingestion;
using Bot.Core.Retrieval;
using Bot.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Bot.Cli.Evaluation;

/// <summary>
/// The archive a measurement runs against: a temporary embedded archive filled for it (SQuAD paragraphs, or
/// files ingested as `ingest` would), deleted afterwards, or an existing archive, only read. The user's own
/// archive is never written by an evaluation.
/// </summary>
public sealed class EvalArchive : IDisposable
{
    private readonly IHost host;
    private readonly DirectoryInfo? temporary;

    private EvalArchive(IHost host, DirectoryInfo? temporary)
    {
        this.host = host;
        this.temporary = temporary;
    }

    public IServiceProvider Services => host.Services;

    /// <summary>The configured archive (or <c>--archive DIR</c>) as it is.</summary>
    public static EvalArchive Existing(CliContext cli, ParseResult parse, string? folder, IReadOnlyDictionary<string, string?> settings)
    {
        var overrides = new Dictionary<string, string?>(settings);
        if (folder is not null)
        {
            if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"Archive folder not found: {folder}");
            overrides[BotConfiguration.DataDirectoryKey] = folder;
        }
        return new EvalArchive(cli.BuildHost(parse, overrides), null);
    }

    /// <summary>A temporary embedded archive with the SQuAD paragraphs indexed as articles.</summary>
    public static Task<EvalArchive> SquadAsync(CliContext cli, ParseResult parse, SquadDataset dataset,
        IReadOnlyDictionary<string, string?> settings, CancellationToken ct) =>
        TemporaryAsync(cli, parse, settings, async services =>
        {
            var indexer = services.GetRequiredService<ArticleIndexer>();
            var store = services.GetRequiredService<IArchiveStore>();
            await store.InitializeAsync(indexer.Space, ct);
            var started = DateTime.UtcNow;
            foreach (var batch in SquadArchive.Articles(dataset).Chunk(64))
                await store.SaveAsync(await indexer.IndexAsync(batch, ct), ct);
            await cli.Error.WriteLineAsync($"indexed {dataset.Paragraphs.Count} paragraphs in {Format.Duration(DateTime.UtcNow - started)}");
        });

    /// <summary>A temporary embedded archive with <paramref name="inputs"/> ingested (files, folders, CSV).</summary>
    public static Task<EvalArchive> IngestedAsync(CliContext cli, ParseResult parse, IReadOnlyList<string> inputs,
        IReadOnlyDictionary<string, string?> settings, CancellationToken ct) =>
        TemporaryAsync(cli, parse, settings, async services =>
        {
            var report = await services.GetRequiredService<IngestPipeline>().RunAsync(inputs, cancellationToken: ct);
            await cli.Error.WriteLineAsync($"ingested {report.Stored} articles ({report.Chunks} chunks, {report.Duplicates.Count} duplicates, " +
                $"{report.Failed} failed) in {Format.Duration(report.Elapsed)}");
            if (report.Stored == 0) throw new InvalidDataException($"Nothing could be ingested from {string.Join(", ", inputs)}.");
        });

    private static async Task<EvalArchive> TemporaryAsync(CliContext cli, ParseResult parse, IReadOnlyDictionary<string, string?> settings,
        Func<IServiceProvider, Task> fill)
    {
        var folder = Directory.CreateTempSubdirectory("bot-eval-");
        var archive = new EvalArchive(cli.BuildHost(parse, new Dictionary<string, string?>(settings)
        {
            [BotConfiguration.StoreProviderKey] = "sqlite",
            [BotConfiguration.DataDirectoryKey] = folder.FullName,
        }), folder);
        try
        {
            await fill(archive.Services);
            return archive;
        }
        catch
        {
            archive.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        host.Dispose();
        if (temporary is null) return;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        temporary.Delete(recursive: true);
    }
}
