using System.CommandLine;
using Bot.Cli.Output;
using Bot.Core.Answering;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Cli.Commands;

public static class FeedbackCommand
{
    public static Command Create(CliContext cli)
    {
        var recent = new Option<int>("--recent") { Description = "How many recent comments and answers marked wrong", DefaultValueFactory = _ => FeedbackSummary.DefaultRecent };
        var json = CliContext.JsonOption("Print the summary as JSON");
        var command = new Command("feedback", "What users said about the answers: counts, recent comments, answers marked wrong") { recent, json };
        command.SetAction((parse, ct) => cli.RunAsync(parse, async (services, output) =>
        {
            var count = parse.GetValue(recent);
            if (count is < 0 or > 1000) throw new ArgumentException("--recent must be between 0 and 1000.");
            var summary = await FeedbackSummary.BuildAsync(services.GetRequiredService<IFeedbackStore>(), count, ct);
            if (parse.GetValue(json)) CliJson.Write(summary, output);
            else FeedbackView.Write(summary, output);
            return 0;
        }));
        return command;
    }
}
