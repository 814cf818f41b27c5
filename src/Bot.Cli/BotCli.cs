using System.CommandLine;
using Bot.Cli.Commands;

namespace Bot.Cli;

/// <summary>The command tree, built apart from Program so tests can run commands in-process with their own writers.</summary>
public static class BotCli
{
    public static RootCommand CreateRoot(CliContext cli)
    {
        var root = new RootCommand("News archive bot: ingest articles, search them, ask questions answered with citations.")
        {
            cli.Data,
            cli.Verbose,
        };
        root.Subcommands.Add(IngestCommand.Create(cli));
        root.Subcommands.Add(SearchCommand.Create(cli));
        root.Subcommands.Add(AskCommand.Create(cli));
        root.Subcommands.Add(ChatCommand.Create(cli));
        root.Subcommands.Add(ArticlesCommand.Create(cli));
        root.Subcommands.Add(SourcesCommand.Create(cli));
        root.Subcommands.Add(StatsCommand.Create(cli));
        root.Subcommands.Add(FeedbackCommand.Create(cli));
        root.Subcommands.Add(McpCommand.Create(cli));
        root.Subcommands.Add(MigrateCommand.Create(cli));
        root.Subcommands.Add(EvalCommand.Create(cli));
        return root;
    }

    /// <summary>Parses and runs <paramref name="args"/>; help and parse errors go to the context's writers.</summary>
    public static Task<int> RunAsync(CliContext cli, string[] args, CancellationToken cancellationToken = default) =>
        CreateRoot(cli).Parse(args).InvokeAsync(new InvocationConfiguration { Output = cli.Output, Error = cli.Error }, cancellationToken);
}
