using Bot.Core.Articles;
using Bot.Testing;

namespace Bot.Core.Tests.Articles;

public sealed class ArticleNormalizerTests
{
    [Fact]
    public void The_seed_story_gets_author_place_source_title_and_keeps_its_text()
    {
        var raw = File.ReadAllText(SharedData.Require("seeds/niger-drones-reuters.txt"));
        var article = new ArticleDraft("niger.txt", null, raw).Normalized();

        Assert.Equal("Tim Cocks and Abdoulaye Massalatchi", article.Author);
        Assert.Equal("Niamey", article.Place);
        Assert.Equal("Reuters", article.Source);
        Assert.Equal("Niger has asked the United States to start using armed drones against jihadist groups…", article.Title);
        Assert.StartsWith("(This Nov. 1 story refiles to fix typo in author's name) By Tim Cocks and Abdoulaye Massalatchi NIAMEY (Reuters) - Niger has asked", article.Text);
        Assert.Contains("in Africa's Sahel region", article.Text);
        Assert.Contains("one of the world's poorest", article.Text);
        Assert.Null(article.Published);
    }

    [Fact]
    public void Given_metadata_wins_over_the_dateline_and_is_cleaned()
    {
        var draft = new ArticleDraft("row.csv", 3, "NIAMEY (Reuters) - Niger s army said.\r\n\r\n\r\nMore   here.")
        {
            Title = "  Niger s army\n speaks ",
            PublishedRaw = "November 9, 2016 ",
            Source = " AP ",
            Author = "Jane  Doe",
            Url = "HTTPS://Example.com/story/?utm_source=x",
            Tags = ["worldnews", " WorldNews ", "Africa", " "],
        };
        var article = draft.Normalized();

        Assert.Equal("Niger's army speaks", article.Title);
        Assert.Equal("NIAMEY (Reuters) - Niger's army said.\n\nMore here.", article.Text);
        Assert.Equal(new DateTimeOffset(2016, 11, 9, 0, 0, 0, TimeSpan.Zero), article.Published);
        Assert.Equal("AP", article.Source);
        Assert.Equal("Jane Doe", article.Author);
        Assert.Equal("Niamey", article.Place);
        Assert.Equal("https://example.com/story", article.Url);
        Assert.Equal(["africa", "worldnews"], article.Tags);
    }

    [Fact]
    public void An_unparseable_date_is_null_and_the_article_still_comes_through()
    {
        var article = new ArticleDraft("a.json", 1, "Some text.") { PublishedRaw = "sometime last week" }.Normalized();
        Assert.Null(article.Published);
        Assert.Equal("Some text", article.Title);
    }

    [Theory]
    [InlineData("javascript:alert(document.cookie)")]
    [InlineData("JavaScript:alert(1)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("vbscript:msgbox(1)")]
    [InlineData("file:///etc/passwd")]
    public void A_url_of_another_scheme_is_dropped_so_no_channel_links_it(string url)
    {
        var article = new ArticleDraft("a.json", 1, "Some text.") { Url = url }.Normalized();
        Assert.Null(article.Url);
    }

    [Fact]
    public void A_url_that_is_not_absolute_is_kept_as_given()
    {
        var article = new ArticleDraft("a.json", 1, "Some text.") { Url = " www.reuters.com/x " }.Normalized();
        Assert.Equal("www.reuters.com/x", article.Url);
    }

    [Fact]
    public void Whitespace_only_text_is_a_problem_with_origin_and_row()
    {
        var result = ArticleNormalizer.Normalize(new ArticleDraft("feed.jsonl", 7, " \r\n\t "));
        Assert.False(result.Succeeded);
        Assert.Equal(new ReadProblem("feed.jsonl", 7, "the article has no text"), result.Problem);
    }

    [Fact]
    public void A_broken_and_a_clean_copy_are_the_same_article_with_different_fingerprints()
    {
        var clean = new ArticleDraft("a.txt", null, "NIAMEY (Reuters) - Niger’s army didn’t say.") { Title = "Niger’s army" }.Normalized();
        var broken = new ArticleDraft("b.txt", null, "NIAMEY (Reuters) - Niger s army didn t say.") { Title = "Niger s army" }.Normalized();

        Assert.Equal(clean.Id, broken.Id);
        Assert.NotEqual(clean.Fingerprint, broken.Fingerprint);
    }

    [Fact]
    public void Normalizing_the_same_draft_twice_gives_the_same_article()
    {
        var draft = new ArticleDraft("a.txt", null, "Text of the story.") { Tags = ["b", "a"], PublishedRaw = "2017-11-01" };
        Assert.Equal(draft.Normalized().Fingerprint, draft.Normalized().Fingerprint);
        Assert.Equal(draft.Normalized().Id, draft.Normalized().Id);
    }
}
