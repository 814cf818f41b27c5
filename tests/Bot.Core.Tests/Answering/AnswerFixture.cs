using Bot.Core.Answering;
using Bot.Core.Articles;
using Bot.Core.Chunking;
using Bot.Core.Retrieval;

namespace Bot.Core.Tests.Answering;

/// <summary>Two small articles split into chunks at sentence ends, and citations quoting them.</summary>
internal static class AnswerFixture
{
    public static readonly Article Niger = Make("niger-1", "U.S. troops ambushed in Niger",
        "NIAMEY (Reuters) - Four U.S. soldiers were killed in an ambush in Niger on Oct. 4. " +
        "The patrol was attacked by about 50 militants near the village of Tongo Tongo. " +
        "The Pentagon said an investigation was under way. " +
        "Officials said the troops had been on a reconnaissance mission.");

    public static readonly Article Budget = Make("budget-7", "Senate passes budget resolution",
        "WASHINGTON (Reuters) - The U.S. Senate narrowly approved a budget blueprint on Thursday. " +
        "The vote was 51 to 49. " +
        "The measure clears the way for a tax overhaul.");

    /// <summary>Niger in two chunks (two sentences each), Budget in one.</summary>
    public static readonly IReadOnlyList<Passage> Passages =
    [
        PassageOf(Niger, 0, 0, Niger.Text.IndexOf("The Pentagon", StringComparison.Ordinal)),
        PassageOf(Niger, 1, Niger.Text.IndexOf("The Pentagon", StringComparison.Ordinal), Niger.Text.Length),
        PassageOf(Budget, 0, 0, Budget.Text.Length),
    ];

    public static Article Make(string id, string title, string text) => new()
    {
        Id = id,
        Title = title,
        Text = text,
        Published = new DateTimeOffset(2017, 10, 20, 0, 0, 0, TimeSpan.Zero),
        Source = "Reuters",
        Url = $"https://example.org/{id}",
        Fingerprint = id,
    };

    public static Passage PassageOf(Article article, int ordinal, int start, int end, double score = 1) =>
        new(new Chunk(Chunk.MakeId(article.Id, ordinal), article.Id, ordinal, start, end, article.Text[start..end]),
            article.Summary(), score);

    /// <summary>A citation quoting <paramref name="quote"/> where it first occurs in the passage's chunk.</summary>
    public static Citation Cite(int number, Passage passage, string quote)
    {
        var at = passage.Chunk.Text.IndexOf(quote, StringComparison.Ordinal);
        Assert.True(at >= 0, $"fixture quote not in chunk {passage.Chunk.Id}: {quote}");
        var start = passage.Chunk.Start + at;
        var a = passage.Article;
        return new Citation(number, a.Id, a.Title, a.Published, a.Source, a.Url, passage.Chunk.Id, quote, start, start + quote.Length);
    }

    public static Answer Answer(string text, params Citation[] citations) =>
        new(text, false, citations) { Answerer = "test", RetrievalQuery = "query" };

    public static Article ArticleOf(string id) => id == Niger.Id ? Niger : id == Budget.Id ? Budget : throw new ArgumentException(id);

    /// <summary>The contract every validated answer meets, checked from the articles themselves.</summary>
    public static void AssertMeetsContract(Answer answer)
    {
        var markers = CitationMarkers.Find(answer.Text);
        if (answer.Abstained)
        {
            Assert.Empty(answer.Citations);
            Assert.Empty(markers);
            Assert.False(string.IsNullOrWhiteSpace(answer.Text));
            return;
        }
        Assert.NotEmpty(answer.Citations);
        Assert.All(markers, m => Assert.True(m.IsCanonical));
        var firstUse = markers.SelectMany(m => m.Numbers).Distinct().ToList();
        Assert.Equal(Enumerable.Range(1, answer.Citations.Count), firstUse);
        Assert.Equal(Enumerable.Range(1, answer.Citations.Count), answer.Citations.Select(c => c.Number));
        foreach (var citation in answer.Citations)
        {
            var article = ArticleOf(citation.ArticleId);
            Assert.Equal(citation.Quote, article.Text[citation.Start..citation.End]);
            Assert.Equal(article.Title, citation.Title);
        }
    }
}
