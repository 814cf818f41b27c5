using System.CommandLine;
using Bot.Cli.Output;
using Bot.Core.Answering;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Cli.Commands;

public static class AskCommand
{
    public static Command Create(CliContext cli)
    {
        var question = new Argument<string>("question") { Description = "The question, in quotes" };
        var json = CliContext.JsonOption("Print the answer (text, abstained, citations...) as one JSON object");
        var filters = new FilterOptions();
        var command = new Command("ask", "Answer a question from the archive, citing the articles it quotes") { question, json };
        filters.AddTo(command);
        command.SetAction((parse, ct) => cli.RunAsync(parse, async (services, output) =>
        {
            var answer = await FinalAnswerAsync(services.GetRequiredService<IAskService>(),
                new AskRequest(parse.GetRequiredValue(question), Filter: filters.Read(parse)), ct);
            if (parse.GetValue(json)) CliJson.Write(answer, output);
            else AnswerView.Write(answer, output);
            return 0;
        }));
        return command;
    }

    /// <summary>The validated final answer of the stream (the text deltas before it are what channels stream).</summary>
    public static async Task<Answer> FinalAnswerAsync(IAskService ask, AskRequest request, CancellationToken cancellationToken)
    {
        await foreach (var update in ask.AskAsync(request, cancellationToken))
            if (update is AnswerFinal { Answer: var answer })
                return answer;
        throw new InvalidOperationException("The answer stream ended without a final answer.");
    }
}
