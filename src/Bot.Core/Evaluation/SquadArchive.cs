using Bot.Core.Articles;
using Bot.Core.Articles.Identity;

namespace Bot.Core.Evaluation;

/// <summary>SQuAD paragraphs as archive articles: one article per paragraph, titled by its Wikipedia article.</summary>
public static class SquadArchive
{
    public const string Source = "Wikipedia (SQuAD)";

    public static IReadOnlyList<Article> Articles(SquadDataset dataset) =>
        dataset.Paragraphs.Select(ToArticle).ToList();

    public static Article ToArticle(SquadParagraph paragraph)
    {
        var article = new Article
        {
            Id = ArticleIdentity.Id(null, paragraph.Title, paragraph.Context),
            Title = paragraph.Title,
            Text = paragraph.Context,
            Source = Source,
            Fingerprint = "",
        };
        return article with { Fingerprint = ArticleIdentity.Fingerprint(article) };
    }
}
