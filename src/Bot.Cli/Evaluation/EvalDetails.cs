using System.Text.Json;
using Bot.Cli.Output;

namespace Bot.Cli.Evaluation;

/// <summary>Every question's answer and verdicts as JSON Lines, to read what went wrong question by question.</summary>
public static class EvalDetails
{
    private static readonly JsonSerializerOptions OneLine = new(CliJson.Options) { WriteIndented = false };

    public static async Task WriteAsync(string path, IReadOnlyList<EvalSet> sets, double threshold, CancellationToken ct)
    {
        await using var writer = new StreamWriter(path);
        foreach (var set in sets)
            foreach (var o in set.Outcomes)
            {
                var answered = o.Answered && o.Confidence >= threshold;
                await writer.WriteLineAsync(JsonSerializer.Serialize(new Dictionary<string, object?>
                {
                    ["set"] = set.Name,
                    ["id"] = o.Question.Id,
                    ["kind"] = o.Question.Kind,
                    ["question"] = o.Question.Text,
                    ["after"] = o.Question.After,
                    ["unanswerable"] = o.Question.IsImpossible,
                    ["gold"] = o.Question.Answers,
                    ["story"] = o.Question.Story,
                    ["answered"] = answered,
                    ["confidence"] = Math.Round(o.Confidence, 4),
                    ["contains"] = o.Contains,
                    ["storyRetrieved"] = o.StoryRetrieved,
                    ["citesStory"] = o.CitesStory,
                    ["quotesSupport"] = o.QuotesSupport,
                    ["shortAnswer"] = o.Answer.Short?.Text,
                    ["shortAnswerMatches"] = o.ShortAnswerMatches,
                    ["rewritten"] = o.Answer.RewrittenQuestion,
                    ["text"] = o.Answer.Text,
                    ["cited"] = o.Answer.Citations.Select(c => c.Title).ToList(),
                    ["features"] = o.Features,
                }, OneLine));
            }
        ct.ThrowIfCancellationRequested();
    }
}
