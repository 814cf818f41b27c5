using System.Globalization;
using Bot.Core.Articles;

namespace Bot.Core.Answering.Extractive;

/// <summary>
/// Writes the answer from the chosen sentences: each quoted verbatim with its own citation, attributed to its
/// source and date ("According to Reuters (Nov. 1, 2017), "..." [1]"). Citations are numbered 1..n in order of
/// use, as the validator expects.
/// </summary>
public static class AnswerComposer
{
    /// <summary>One part of the answer per sentence; the answer text is their concatenation.</summary>
    public static (IReadOnlyList<string> Parts, IReadOnlyList<Citation> Citations) Compose(IReadOnlyList<SentenceCandidate> sentences)
    {
        var parts = new List<string>(sentences.Count);
        var citations = new List<Citation>(sentences.Count);
        string? previousArticle = null;
        foreach (var sentence in sentences)
        {
            var number = citations.Count + 1;
            var article = sentence.Passage.Article;
            var lead = article.Id == previousArticle ? "The same source adds: " : Attribution(article) + ", ";
            parts.Add((parts.Count == 0 ? "" : " ") + $"{lead}\"{sentence.Text}\" [{number}]");
            citations.Add(new Citation(number, article.Id, article.Title, article.Published, article.Source, article.Url,
                sentence.Passage.Chunk.Id, sentence.Text, sentence.Start, sentence.End));
            previousArticle = article.Id;
        }
        return (parts, citations);
    }

    /// <summary>"According to Reuters (Nov. 1, 2017)"; the title stands in for a missing source.</summary>
    public static string Attribution(ArticleSummary article)
    {
        var who = string.IsNullOrWhiteSpace(article.Source) ? $"\"{article.Title}\"" : article.Source.Trim();
        return article.Published is { } published ? $"According to {who} ({NewsDate(published)})" : $"According to {who}";
    }

    /// <summary>Wire style: "Nov. 1, 2017", short months spelled out ("March 5, 2017").</summary>
    public static string NewsDate(DateTimeOffset date)
    {
        string[] months = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."];
        return string.Create(CultureInfo.InvariantCulture, $"{months[date.Month - 1]} {date.Day}, {date.Year}");
    }
}
