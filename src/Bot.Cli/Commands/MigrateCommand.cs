using System.CommandLine;
using Bot.Cli.Migration;
using Bot.Cli.Output;
using Bot.Core.Ingestion;
using Bot.Core.Retrieval;
using Bot.Storage.Qdrant;
using Bot.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Bot.Cli.Commands;

/// <summary>Copies an embedded archive into the configured Qdrant; running it again resumes an interrupted copy.</summary>
public static class MigrateCommand
{
    public static Command Create(CliContext cli)
    {
        var from = new Option<DirectoryInfo>("--from")
        {
            Description = "Folder of the embedded archive to copy (the --data folder it was ingested into)",
            Required = true,
        };
        var batch = new Option<int>("--batch") { Description = "Articles per batch", DefaultValueFactory = _ => 100 };
        var json = CliContext.JsonOption("Print the migration report as JSON");
        var command = new Command("migrate",
            "Copy an embedded archive, vectors included, into the configured Qdrant (Store:Provider=qdrant); run it again to resume")
        {
            from, batch, json,
        };
        command.SetAction((parse, ct) => cli.RunAsync(parse, async (services, output) =>
        {
            if (services.GetRequiredService<IArchiveStore>() is not QdrantArchiveStore target)
                throw new ArgumentException("migrate copies into Qdrant: set Store:Provider=qdrant (or BOT_STORE=qdrant) and Qdrant:Url.");
            var size = parse.GetValue(batch);
            if (size is < 1 or > 10_000) throw new ArgumentException("--batch must be between 1 and 10000.");
            var source = Source(parse.GetRequiredValue(from), services.GetRequiredService<IOptions<SqliteArchiveOptions>>().Value);
            var migration = new ArchiveMigration(source, target, services.GetRequiredService<ArticleIndexer>().Space);
            var report = await MigrateProgressView.RunAsync(progress => migration.RunAsync(size, progress, ct));
            if (parse.GetValue(json)) CliJson.Write(report, output);
            else output.WriteLine($"Migrated into {report.Target} in {Format.Duration(report.Elapsed)}: {report.Copied} articles copied, " +
                $"{report.Skipped} already there; {report.Chunks} chunks, {report.Vectors} vectors.");
            return 0;
        }));
        return command;
    }

    /// <summary>The embedded archive in <paramref name="folder"/>, under the configured file name.</summary>
    private static SqliteArchiveStore Source(DirectoryInfo folder, SqliteArchiveOptions configured)
    {
        var options = new SqliteArchiveOptions { DataDirectory = folder.FullName, FileName = configured.FileName };
        if (!File.Exists(options.DatabasePath))
            throw new ArgumentException($"No embedded archive at {options.DatabasePath}: --from names the folder that holds {options.FileName}.");
        return new SqliteArchiveStore(Options.Create(options));
    }
}
