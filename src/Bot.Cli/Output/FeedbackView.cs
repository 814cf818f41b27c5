using Bot.Core.Answering;

namespace Bot.Cli.Output;

/// <summary>The feedback summary as text: counts, then the answers marked wrong with their sources, then recent comments.</summary>
public static class FeedbackView
{
    public static void Write(FeedbackSummary summary, TextWriter output)
    {
        output.WriteLine($"feedback: {summary.Total} ({summary.Likes} 👍, {summary.Dislikes} 👎)" +
            (summary.First is { } first ? $", {Format.Date(first)} to {Format.Date(summary.Last)}" : ""));
        if (summary.MarkedWrong.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("Answers marked wrong:");
            foreach (var entry in summary.MarkedWrong)
            {
                output.WriteLine($"- {Format.Date(entry.Timestamp)} \"{entry.Question ?? "(question not recorded)"}\"" + (entry.Text is { } text ? $" — {text}" : ""));
                foreach (var source in entry.Citations)
                    output.WriteLine($"    [{source.Number}] {source.Title} · {source.ArticleId}");
            }
        }
        if (summary.RecentComments.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("Recent comments:");
            foreach (var entry in summary.RecentComments)
                output.WriteLine($"- {Format.Date(entry.Timestamp)} {(entry.Reaction == FeedbackReaction.Like ? "👍" : "👎")} {entry.Text}");
        }
    }
}
