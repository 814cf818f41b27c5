using System.CommandLine;
using Bot.Cli;
using Bot.Cli.Commands;

var cli = new CliContext();
var root = new RootCommand("News archive bot: ingest articles, search them, ask questions answered with citations.")
{
    cli.Data,
    cli.Verbose,
};
root.Subcommands.Add(IngestCommand.Create(cli));
root.Subcommands.Add(SearchCommand.Create(cli));
root.Subcommands.Add(ArticlesCommand.Create(cli));
root.Subcommands.Add(StatsCommand.Create(cli));
root.Subcommands.Add(MigrateCommand.Create(cli));
root.Subcommands.Add(EvalCommand.Create(cli));
return await root.Parse(args).InvokeAsync();
