using Bot.Core.Articles;
using Bot.Testing;

namespace Bot.Core.Tests.Articles;

/// <summary>Each format, written to a real file and read through <see cref="ArticleSourceReader"/>.</summary>
public sealed class FileFormatTests
{
    private const string Lead = "NIAMEY (Reuters) - Niger has asked the United States to start using armed drones.";

    public static TheoryData<string, string, ArticleDraft[]> Files => new()
    {
        {
            "headline.txt", $"Niger asks U.S. to arm drones\n\n{Lead}\nSecond paragraph.",
            [new("", null, $"\n{Lead}\nSecond paragraph.") { Title = "Niger asks U.S. to arm drones" }]
        },
        {
            "no-headline.txt", $"{Lead}\nSecond paragraph.",
            [new("", null, $"{Lead}\nSecond paragraph.")]
        },
        {
            "front-matter.md",
            "---\ntitle: \"Niger asks U.S. to arm drones\"\ndate: 2017-11-01\nsource: Reuters\nauthor: Tim Cocks\n" +
            "url: https://www.reuters.com/article/niger\ntags: [Africa, Drones]\n---\n# Heading Ignored For Title\n\n" + Lead,
            [new("", null, "\n" + Lead)
            {
                Title = "Niger asks U.S. to arm drones", PublishedRaw = "2017-11-01", Source = "Reuters", Author = "Tim Cocks",
                Url = "https://www.reuters.com/article/niger", Tags = ["Africa", "Drones"],
            }]
        },
        {
            "heading.md", "# Niger asks U.S. to arm drones\r\n\r\n" + Lead + "\r\n\r\n## Background\r\nMore.",
            [new("", null, "\n" + Lead + "\n\n## Background\nMore.") { Title = "Niger asks U.S. to arm drones" }]
        },
        {
            "list-tags.md", "---\ntags:\n  - africa\n  - 'sahel'\n---\n" + Lead,
            [new("", null, Lead) { Tags = ["africa", "sahel"] }]
        },
        {
            "one.json",
            """{ "headline": "Niger asks U.S. to arm drones", "body": "NIAMEY (Reuters) - Niger has asked.", "published_at": "2017-11-01T10:00:00Z", "keywords": "africa; drones", "link": "https://r.test/a" }""",
            [new("", null, "NIAMEY (Reuters) - Niger has asked.")
            {
                Title = "Niger asks U.S. to arm drones", PublishedRaw = "2017-11-01T10:00:00Z", Tags = ["africa", "drones"], Url = "https://r.test/a",
            }]
        },
        {
            "newsapi.json",
            """[{"source": {"id": null, "name": "Reuters"}, "author": "Tim Cocks", "title": "A", "publishedAt": "2017-11-01T10:00:00Z", "content": "Text A."},""" +
            """ {"title": "B", "text": "Text B.", "tags": ["x", "y"], "date": "November 1, 2017", "views": 12}]""",
            [
                new("", 1, "Text A.") { Source = "Reuters", Author = "Tim Cocks", Title = "A", PublishedRaw = "2017-11-01T10:00:00Z" },
                new("", 2, "Text B.") { Title = "B", Tags = ["x", "y"], PublishedRaw = "November 1, 2017" },
            ]
        },
        {
            "feed.jsonl",
            "{\"title\": \"A\", \"text\": \"Text A.\"}\n\n{\"title\": \"B\", \"article\": \"Text B.\", \"category\": \"World\"}\n",
            [new("", 1, "Text A.") { Title = "A" }, new("", 3, "Text B.") { Title = "B", Tags = ["World"] }]
        },
        {
            "isot.csv",
            ",title,text,subject,date\n" +
            "7402,\"Trump win boosts coal, hits renewable stocks\",\"MARRAKESH, Morocco/CHICAGO (Reuters) - The prospect.\",politicsNews,\"November 9, 2016 \"\n" +
            "12,Quotes,\"He said: \"\"Go.\"\"\nThen left.\",worldnews,\"November 1, 2017 \"\r\n",
            [
                new("", 1, "MARRAKESH, Morocco/CHICAGO (Reuters) - The prospect.")
                {
                    Title = "Trump win boosts coal, hits renewable stocks", Tags = ["politicsNews"], PublishedRaw = "November 9, 2016 ",
                },
                new("", 2, "He said: \"Go.\"\nThen left.") { Title = "Quotes", Tags = ["worldnews"], PublishedRaw = "November 1, 2017 " },
            ]
        },
        {
            "aliases.csv",
            "Headline,Content,Published_At,URL,Publisher,Byline,Tags,Extra\n" +
            "A,Text A.,2017-11-01,https://r.test/a,Reuters,Jane Doe,\"x, y\",ignored\n",
            [new("", 1, "Text A.") { Title = "A", PublishedRaw = "2017-11-01", Url = "https://r.test/a", Source = "Reuters", Author = "Jane Doe", Tags = ["x", "y"] }]
        },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Reads_each_format(string fileName, string content, ArticleDraft[] expected)
    {
        using var folder = new TempDirectory();
        var path = folder.File(fileName);
        await File.WriteAllTextAsync(path, content, TestContext.Current.CancellationToken);

        var items = await Reading.ReadAllAsync(path);

        Assert.Empty(items.Problems());
        Assert.Equivalent(expected.Select(e => e with { Origin = path }).ToArray(), items.Drafts().ToArray(), strict: true);
    }

    [Fact]
    public async Task Html_files_are_extracted_without_page_furniture()
    {
        using var folder = new TempDirectory();
        var path = folder.File("story.html");
        await File.WriteAllTextAsync(path, TestPages.Story, TestContext.Current.CancellationToken);

        var draft = (await Reading.ReadAllAsync(path)).Single();

        Assert.Equal("Niger asks U.S. to arm drones", draft.Title);
        Assert.StartsWith("NIAMEY (Reuters) - Niger has asked the United States", draft.Text);
        Assert.Contains("800-strong force", draft.Text);
        Assert.DoesNotContain("Subscribe", draft.Text);
        Assert.DoesNotContain("Copyright", draft.Text);
        Assert.Equal("2017-11-01T10:00:00Z", draft.PublishedRaw);
        Assert.Equal("Reuters", draft.Source);
        Assert.Equal("Tim Cocks", draft.Author);
        Assert.Equal("https://www.reuters.com/article/niger-drones/", draft.Url);
        Assert.Equal(["africa", "drones"], draft.Tags);
    }

    [Fact]
    public async Task Utf8_with_byte_order_mark_reads_clean()
    {
        using var folder = new TempDirectory();
        var path = folder.File("bom.csv");
        await File.WriteAllTextAsync(path, "title,text\nA,Niger’s army\n", new System.Text.UTF8Encoding(true), TestContext.Current.CancellationToken);

        var draft = (await Reading.ReadAllAsync(path)).Single();
        Assert.Equal(("A", "Niger’s army"), (draft.Title, draft.Text));
    }

    [Fact]
    public async Task Html_dates_fall_back_to_json_ld_and_the_file_has_no_web_url()
    {
        using var folder = new TempDirectory();
        var path = folder.File("saved.htm");
        await File.WriteAllTextAsync(path, """
            <html><head><title>Saved story</title>
            <script type="application/ld+json">{"@context": "https://schema.org", "@graph": [{"@type": "WebSite"}, {"@type": "NewsArticle", "datePublished": "2017-11-01T09:30:00+01:00"}]}</script>
            </head><body><p>BERLIN (Reuters) - A saved page about a story, long enough to count as its text.</p></body></html>
            """, TestContext.Current.CancellationToken);

        var article = (await Reading.ReadAllAsync(path)).Single().Normalized();

        Assert.Equal(new DateTimeOffset(2017, 11, 1, 8, 30, 0, TimeSpan.Zero), article.Published);
        Assert.Null(article.Url);
        Assert.Equal("Berlin", article.Place);
    }

    [Fact]
    public async Task The_seed_story_reads_as_one_article_with_a_derived_title()
    {
        var article = (await Reading.ReadAllAsync(SharedData.Require("seeds/niger-drones-reuters.txt"))).Single().Normalized();

        Assert.Equal("Niger has asked the United States to start using armed drones against jihadist groups…", article.Title);
        Assert.Equal(("Niamey", "Reuters", "Tim Cocks and Abdoulaye Massalatchi"), (article.Place, article.Source, article.Author));
    }
}
