using System.CommandLine;
using Bot.Cli.Output;
using Bot.Core.Retrieval;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Cli.Commands;

public static class StatsCommand
{
    public static Command Create(CliContext cli)
    {
        var json = CliContext.JsonOption("Print the statistics as JSON");
        var command = new Command("stats", "Articles, chunks, vectors and bytes on disk") { json };
        command.SetAction((parse, ct) => cli.RunAsync(parse, async (services, output) =>
        {
            var store = services.GetRequiredService<IArchiveStore>();
            var stats = await store.GetStatsAsync(ct);
            if (parse.GetValue(json)) { CliJson.Write(new { store = store.Description, stats }, output); return 0; }
            output.WriteLine($"store:    {store.Description}");
            output.WriteLine($"articles: {stats.Articles}");
            output.WriteLine($"chunks:   {stats.Chunks} ({stats.ChunksWithVectors} with vectors)");
            output.WriteLine($"vectors:  {(stats.Space is { } s ? $"{s.ModelId}, {s.Dimensions} dimensions" : "none (lexical only)")}");
            output.WriteLine($"on disk:  {Format.Bytes(stats.BytesOnDisk)}");
            foreach (var (key, value) in stats.Details) output.WriteLine($"{key + ":",-9} {value}");
            return 0;
        }));
        return command;
    }
}
