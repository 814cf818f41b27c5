using System.CommandLine;
using Bot.Cli.Output;
using Bot.Core.Retrieval;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Cli.Commands;

public static class SearchCommand
{
    public static Command Create(CliContext cli)
    {
        var query = new Argument<string>("query") { Description = "What to look for" };
        var top = new Option<int>("--top") { Description = "How many passages", DefaultValueFactory = _ => 10 };
        var mode = new Option<SearchMode?>("--mode") { Description = "lexical, dense or hybrid (default: hybrid when an embedding model is configured)" };
        var json = CliContext.JsonOption("Print passages as JSON");
        var filters = new FilterOptions();
        var command = new Command("search", "Find the passages that best match a query") { query, top, mode, json };
        filters.AddTo(command);
        command.SetAction((parse, ct) => cli.RunAsync(parse, async (services, output) =>
        {
            var retriever = services.GetRequiredService<Retriever>();
            var count = parse.GetValue(top);
            if (count is < 1 or > 1000) throw new ArgumentException("--top must be between 1 and 1000.");
            var result = await retriever.RetrieveAsync(parse.GetRequiredValue(query), filters.Read(parse), count, parse.GetValue(mode), ct);
            if (parse.GetValue(json))
            {
                CliJson.Write(new { mode = result.Mode, notice = result.Notice, passages = result.Passages }, output);
                return 0;
            }
            if (result.Notice is { } notice) await cli.Error.WriteLineAsync(notice);
            if (result.Passages.Count == 0) output.WriteLine("No passages found.");
            for (var i = 0; i < result.Passages.Count; i++)
                PassageView.Write(i + 1, result.Passages[i], output);
            return 0;
        }));
        return command;
    }
}
