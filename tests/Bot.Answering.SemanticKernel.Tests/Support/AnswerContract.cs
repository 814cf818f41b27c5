using Bot.Core.Answering;

namespace Bot.Answering.SemanticKernel.Tests.Support;

public static class AnswerContract
{
    /// <summary>Every marker names a citation, all are used, numbered by first use, and every quote is the article's own text.</summary>
    public static void AssertHolds(Answer answer)
    {
        var markers = CitationMarkers.Find(answer.Text);
        if (answer.Abstained)
        {
            Assert.Empty(answer.Citations);
            Assert.Empty(markers);
            return;
        }
        Assert.All(markers, m => Assert.True(m.IsCanonical, answer.Text));
        var numbers = Enumerable.Range(1, answer.Citations.Count).ToList();
        Assert.Equal(numbers, markers.SelectMany(m => m.Numbers).Distinct());
        Assert.Equal(numbers, answer.Citations.Select(c => c.Number));
        foreach (var citation in answer.Citations)
            Assert.Equal(citation.Quote, NewsFixture.ArticleOf(citation.ArticleId).Text[citation.Start..citation.End]);
    }
}
