using System.CommandLine;
using Bot.Cli.Output;
using Bot.Core.Answering;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Cli.Commands;

/// <summary>An interactive conversation: one question per line, follow-ups understood; an empty line or "exit" ends it.</summary>
public static class ChatCommand
{
    public static Command Create(CliContext cli)
    {
        var filters = new FilterOptions();
        var command = new Command("chat", "Ask questions one per line, keeping the conversation (empty line or 'exit' ends)");
        filters.AddTo(command);
        command.SetAction((parse, ct) => cli.RunAsync(parse, async (services, output) =>
        {
            var ask = services.GetRequiredService<IAskService>();
            var filter = filters.Read(parse);
            var conversation = Guid.NewGuid().ToString("N");
            await cli.Error.WriteLineAsync("Ask a question (empty line or 'exit' to quit).");
            while (true)
            {
                await output.WriteAsync("> ");
                var line = (await cli.Input.ReadLineAsync(ct))?.Trim();
                if (string.IsNullOrEmpty(line) || line.Equals("exit", StringComparison.OrdinalIgnoreCase)) break;
                try
                {
                    AnswerView.Write(await AskCommand.FinalAnswerAsync(ask, new AskRequest(line, conversation, filter), ct), output);
                }
                catch (ArgumentException e)
                {
                    // A bad question (too long) loses nothing: say why and take the next one.
                    await cli.Error.WriteLineAsync($"error: {e.Message}");
                }
                output.WriteLine();
            }
            return 0;
        }));
        return command;
    }
}
