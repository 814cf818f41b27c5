using Bot.Core.Articles;
using Bot.Testing;

namespace Bot.Core.Tests.Articles;

public sealed class ArticleSourceReaderTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<string> WriteAsync(TempDirectory folder, string relative, string content)
    {
        var path = folder.File(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, content, Ct);
        return path;
    }

    [Fact]
    public async Task A_folder_is_read_recursively_in_path_order_with_supported_files_only()
    {
        using var folder = new TempDirectory();
        await WriteAsync(folder, "b.txt", "Text b.");
        await WriteAsync(folder, "a/z.md", "# Z\n\nText z.");
        await WriteAsync(folder, "a/b/deep.json", """{"text": "Text deep."}""");
        await WriteAsync(folder, "A.csv", "text\nText A1.\nText A2.\n");
        await WriteAsync(folder, "notes.docx", "PK");
        await WriteAsync(folder, "b.meta.json", """{"title": "Title b"}""");
        await WriteAsync(folder, ".hidden/secret.txt", "Hidden.");
        await WriteAsync(folder, ".draft.txt", "Hidden too.");

        var items = await Reading.ReadAllAsync(folder.Path);

        Assert.Empty(items.Problems());
        Assert.Equal(["Text A1.", "Text A2.", "Text deep.", "Text z.", "Text b."], items.Drafts().Select(d => d.Text.Trim()));
        Assert.Equal("Title b", items.Drafts()[^1].Title);
        Assert.All(items, i => Assert.True(Path.IsPathRooted(i.Origin)));
    }

    [Fact]
    public async Task Reading_twice_gives_the_same_articles_in_the_same_order()
    {
        using var folder = new TempDirectory();
        for (var i = 0; i < 12; i++) await WriteAsync(folder, $"f{i % 3}/story{i}.txt", $"Story number {i}.");

        var first = (await Reading.ReadAllAsync(folder.Path)).Drafts().Select(d => d.Normalized()).ToList();
        var second = (await Reading.ReadAllAsync(folder.Path)).Drafts().Select(d => d.Normalized()).ToList();

        Assert.Equal(12, first.Count);
        Assert.Equal(first.Select(a => (a.Id, a.Fingerprint)), second.Select(a => (a.Id, a.Fingerprint)));
    }

    [Fact]
    public async Task A_sidecar_overrides_metadata_but_never_the_text()
    {
        using var folder = new TempDirectory();
        var story = await WriteAsync(folder, "story.txt", "Old headline here\n\nNIAMEY (Reuters) - Text.");
        await WriteAsync(folder, "story.txt.meta.json",
            """{"title": "Given title", "published": "2017-11-01", "source": "AP", "url": "https://ap.test/x", "author": "Jane Doe", "tags": ["Africa"], "text": "ignored"}""");

        var draft = (await Reading.ReadAllAsync(story)).Single();

        Assert.Equal(("Given title", "2017-11-01", "AP", "https://ap.test/x", "Jane Doe"),
            (draft.Title, draft.PublishedRaw, draft.Source, draft.Url, draft.Author));
        Assert.Equal(["Africa"], draft.Tags);
        Assert.Equal("\nNIAMEY (Reuters) - Text.", draft.Text);
    }

    [Fact]
    public async Task A_broken_sidecar_is_reported_and_the_article_still_read()
    {
        using var folder = new TempDirectory();
        var story = await WriteAsync(folder, "story.md", "# Heading\n\nText.");
        var sidecar = await WriteAsync(folder, "story.meta.json", "{ broken");

        var items = await Reading.ReadAllAsync(story);

        var problem = Assert.Single(items.Problems());
        Assert.Equal(sidecar, problem.Origin);
        Assert.Contains("invalid JSON", problem.Reason);
        Assert.Equal("Heading", Assert.Single(items.Drafts()).Title);
    }

    [Fact]
    public async Task Missing_paths_unknown_types_and_sidecars_are_one_problem_each()
    {
        using var folder = new TempDirectory();
        var docx = await WriteAsync(folder, "paper.docx", "PK");
        var sidecar = await WriteAsync(folder, "x.meta.json", "{}");
        var missing = folder.File("nope.txt");

        Assert.Equal([new ReadProblem(missing, null, "no such file or folder")], await Reading.ReadAllAsync(missing));
        var unsupported = Assert.Single(await Reading.ReadAllAsync(docx));
        Assert.Equal(
            new ReadProblem(docx, null, "unsupported file type '.docx' (supported: .csv, .htm, .html, .json, .jsonl, .markdown, .md, .ndjson, .pdf, .txt)"),
            unsupported);
        Assert.Equal([new ReadProblem(sidecar, null, "a sidecar metadata file is read with its article, not on its own")],
            await Reading.ReadAllAsync(sidecar));
        Assert.Equal([new ReadProblem("", null, "no file, folder or URL given")], await Reading.ReadAllAsync(""));
        Assert.Equal([new ReadProblem("ftp://example.com/a.txt", null, "not a valid http or https URL")],
            await Reading.ReadAllAsync("ftp://example.com/a.txt"));
    }

    [Fact]
    public async Task Files_over_the_size_limit_are_skipped_with_a_problem()
    {
        using var folder = new TempDirectory();
        var big = await WriteAsync(folder, "big.txt", new string('x', 2000));
        await WriteAsync(folder, "small.txt", "Small text.");

        var items = await Reading.ReadAllAsync(folder.Path, new ArticleLimits { MaxFileBytes = 1000 });

        Assert.Equal([new ReadProblem(big, null, "the file has 2,000 bytes, more than the limit of 1,000 (Ingest:MaxFileBytes)")], items.Problems());
        Assert.Equal("Small text.", Assert.Single(items.Drafts()).Text);
    }

    [Fact]
    public async Task Articles_over_the_text_limit_are_problems_not_truncated()
    {
        using var folder = new TempDirectory();
        var csv = await WriteAsync(folder, "rows.csv", $"text\nShort.\n{new string('y', 101)}\nAlso short.\n");

        var items = await Reading.ReadAllAsync(csv, new ArticleLimits { MaxArticleChars = 100 });

        Assert.Equal(["Short.", "Also short."], items.Drafts().Select(d => d.Text));
        Assert.Equal([new ReadProblem(csv, 2, "the article text has 101 characters, more than the limit of 100 (Ingest:MaxArticleChars)")],
            items.Problems());
    }

    [Fact]
    public async Task Reading_stops_when_cancelled()
    {
        using var folder = new TempDirectory();
        await WriteAsync(folder, "a.txt", "Text a.");
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in Reading.Reader().ReadAsync(folder.Path, cancelled.Token)) { }
        });
    }
}
