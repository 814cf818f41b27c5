using Bot.Core.Articles;
using Bot.Testing;

namespace Bot.Core.Tests.Articles;

/// <summary>Broken rows are reported with their numbers, and the good rows around them still come through.</summary>
public sealed class MalformedInputTests
{
    [Fact]
    public async Task Csv_rows_without_text_or_with_wrong_field_counts_are_problems()
    {
        using var folder = new TempDirectory();
        var (path, items) = await Reading.WriteAndReadAsync(folder, "rows.csv",
            "title,text,subject,date\n" +
            "Good one,Text one.,worldnews,2017-11-01\n" +
            "No text,,worldnews,2017-11-01\n" +
            "Too many,Text,worldnews,2017-11-01,extra\n" +
            "\"Multi\nline title\",\"Text\nfour.\",worldnews,2017-11-01\n" +
            "Too few,Text five.\n" +
            "Good six,Text six.,worldnews,2017-11-01\n");

        Assert.Equal([1, 4, 6], items.Drafts().Select(d => d.Row!.Value));
        Assert.Equal(
        [
            new ReadProblem(path, 2, "the row has no text (line 3)"),
            new ReadProblem(path, 3, "the row has 5 fields but the header has 4 (line 4)"),
            new ReadProblem(path, 5, "the row has 2 fields but the header has 4 (line 8)"),
        ], items.Problems());
        Assert.Equal(["Good one", "Multi\nline title", "Good six"], items.Drafts().Select(d => d.Title));
    }

    [Fact]
    public async Task An_unclosed_csv_quote_spoils_only_the_last_row()
    {
        using var folder = new TempDirectory();
        var (path, items) = await Reading.WriteAndReadAsync(folder, "open.csv", "title,text\nA,Text A.\nB,\"Text B never closes\n\nmore\n");

        Assert.Equal(["Text A."], items.Drafts().Select(d => d.Text));
        Assert.Equal([new ReadProblem(path, 2, "a quoted field opened on line 3 is never closed (line 3)")], items.Problems());
    }

    [Fact]
    public async Task A_csv_without_a_text_column_is_one_clear_problem()
    {
        using var folder = new TempDirectory();
        var (path, items) = await Reading.WriteAndReadAsync(folder, "wrong.csv", "name,value\nA,1\n");

        var problem = Assert.Single(items.Problems());
        Assert.Equal(path, problem.Origin);
        Assert.StartsWith("the header has no text column (found: 'name', 'value'; expected one of: text, body, content, article)", problem.Reason);
        Assert.Empty(items.Drafts());
    }

    [Fact]
    public async Task Bad_jsonl_lines_are_reported_by_line_number()
    {
        using var folder = new TempDirectory();
        var (path, items) = await Reading.WriteAndReadAsync(folder, "feed.jsonl",
            "{\"text\": \"One.\"}\n" +
            "{\"text\": \"Two.\"\n" +
            "[1, 2]\n" +
            "\n" +
            "{\"title\": \"no text\"}\n" +
            "{\"text\": \"Six.\"}\n");

        Assert.Equal([1, 6], items.Drafts().Select(d => d.Row!.Value));
        Assert.Equal([2, 3, 5], items.Problems().Select(p => p.Row!.Value));
        Assert.StartsWith("invalid JSON at position", items.Problems()[0].Reason);
        Assert.Equal("expected an article object, found an array", items.Problems()[1].Reason);
        Assert.Equal("the article has no text", items.Problems()[2].Reason);
        Assert.Equal($"{path} line 2", items.Problems()[0].Location);
    }

    [Fact]
    public async Task A_json_array_keeps_the_items_before_a_syntax_error()
    {
        using var folder = new TempDirectory();
        var (path, items) = await Reading.WriteAndReadAsync(folder, "items.json",
            "[\n  {\"text\": \"One.\"},\n  \"not an article\",\n  {\"text\": \"Three.\"},\n  {\"text\": \"Four.\" oops},\n  {\"text\": \"Five.\"}\n]");

        Assert.Equal(["One.", "Three."], items.Drafts().Select(d => d.Text));
        Assert.Equal(
        [
            new ReadProblem(path, 2, "expected an article object, found a string"),
            new ReadProblem(path, 4, "invalid JSON at line 5, position 20; the items after it could not be read"),
        ], items.Problems());
    }

    [Theory]
    [InlineData("empty.json", "", "the file is empty")]
    [InlineData("garbage.json", "{ not json", "invalid JSON at line 1, position 3")]
    [InlineData("empty-array.json", "[]", "no articles found in the file")]
    [InlineData("header-only.csv", "title,text\n", "no articles found in the file")]
    [InlineData("empty.csv", "", "the file is empty")]
    [InlineData("blank.txt", " \n\n ", "the article has no text")]
    [InlineData("empty.html", "<html><body></body></html>", "no article text found in the page")]
    public async Task Files_with_nothing_to_read_say_why(string name, string content, string reason)
    {
        using var folder = new TempDirectory();
        var (path, items) = await Reading.WriteAndReadAsync(folder, name, content);
        Assert.Equal([new ReadProblem(path, null, reason)], items);
    }

    [Fact]
    public async Task Unclosed_front_matter_is_reported_and_the_markdown_read_as_text()
    {
        using var folder = new TempDirectory();
        var (path, items) = await Reading.WriteAndReadAsync(folder, "open.md", "---\ntitle: Never closed\n\n# Heading\n\nBody.");

        Assert.Equal([new ReadProblem(path, null, "front matter opened with '---' is never closed; read as text")], items.Problems());
        var draft = Assert.Single(items.Drafts());
        Assert.Equal("Heading", draft.Title);
        Assert.Contains("title: Never closed", draft.Text);
    }
}
