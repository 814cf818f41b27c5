using Bot.Core.Articles;
using Bot.Testing;

namespace Bot.Core.Tests.Articles;

/// <summary>Inputs the reader property tests found breaking ingestion, each pinned down once it was fixed.</summary>
public sealed class HostileInputRegressionTests
{
    [Fact]
    public async Task Empty_front_matter_is_read_instead_of_throwing()
    {
        using var folder = new TempDirectory();
        var (_, items) = await Reading.WriteAndReadAsync(folder, "empty-front-matter.md", "---\n---\n# Harbour cranes back\n\nSix cranes returned.");

        var draft = items.Single();
        Assert.Equal("Harbour cranes back", draft.Title);
        Assert.Equal("\nSix cranes returned.", draft.Text);
    }

    [Theory]
    [InlineData("lone.jsonl", "{\"text\": \"One.\"}\n{\"text\": \"bad \\ud800 pair\"}\n{\"text\": \"Three.\"}\n")]
    [InlineData("lone.json", "[{\"text\": \"One.\"}, {\"title\": \"\\udc00\", \"text\": \"Two.\"}, {\"text\": \"Three.\"}]")]
    public async Task An_unpaired_surrogate_escape_spoils_only_its_record(string name, string content)
    {
        using var folder = new TempDirectory();
        var (path, items) = await Reading.WriteAndReadAsync(folder, name, content);

        Assert.Equal([1, 3], items.Drafts().Select(d => d.Row!.Value));
        var problem = Assert.Single(items.Problems());
        Assert.Equal((path, 2), (problem.Origin, problem.Row!.Value));
        Assert.StartsWith("a string is not valid text", problem.Reason);
    }

    [Fact]
    public async Task An_unpaired_surrogate_in_a_sidecar_is_reported_and_the_article_read_without_it()
    {
        using var folder = new TempDirectory();
        await File.WriteAllTextAsync(folder.File("story.meta.json"), "{\"title\": \"\\ud800\"}", TestContext.Current.CancellationToken);
        var (path, items) = await Reading.WriteAndReadAsync(folder, "story.txt", "Cranes return to Kalmora\n\nSix cranes returned.");

        Assert.Equal("Cranes return to Kalmora", Assert.Single(items.Drafts()).Title);
        var problem = Assert.Single(items.Problems());
        Assert.Equal(folder.File("story.meta.json"), problem.Origin);
        Assert.EndsWith("in sidecar metadata; ignored", problem.Reason);
        Assert.NotEqual(path, problem.Origin);
    }

    [Fact]
    public async Task A_syntax_error_between_json_items_names_the_item_it_spoils()
    {
        using var folder = new TempDirectory();
        var (path, items) = await Reading.WriteAndReadAsync(folder, "missing-comma.json", "[{\"text\": \"One.\"} {\"text\": \"Two.\"}]");

        Assert.Equal([1], items.Drafts().Select(d => d.Row!.Value));
        Assert.Equal(2, Assert.Single(items.Problems()).Row);
    }

    [Fact]
    public async Task A_second_json_value_after_the_first_is_reported_not_dropped()
    {
        using var folder = new TempDirectory();
        var (path, items) = await Reading.WriteAndReadAsync(folder, "two-objects.json", "{\"text\": \"One.\"}\n{\"text\": \"Two.\"}");

        Assert.Equal(["One."], items.Drafts().Select(d => d.Text));
        var problem = Assert.Single(items.Problems());
        Assert.Equal((path, (int?)null), (problem.Origin, problem.Row));
        Assert.StartsWith("invalid JSON at line 2", problem.Reason);
    }

    [Fact]
    public async Task A_page_nested_a_hundred_thousand_deep_is_a_problem_not_a_stack_overflow()
    {
        using var folder = new TempDirectory();
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<div>", 100_000)) + "Cranes returned to Kalmora on Monday.</body></html>";
        var (path, items) = await Reading.WriteAndReadAsync(folder, "deep.html", html);

        Assert.Equal([new ReadProblem(path, null, "the page nests elements more than 512 deep; it is not read")], items);
    }

    [Fact]
    public async Task A_page_nested_as_deep_as_browsers_allow_is_still_read()
    {
        using var folder = new TempDirectory();
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<div>", 400)) +
                   "<p>Six harbour cranes returned to service in Kalmora on Monday after a two-year refit, the port authority said.</p></body></html>";
        var (_, items) = await Reading.WriteAndReadAsync(folder, "nested.html", html);

        Assert.Contains("Six harbour cranes", items.Single().Text);
    }
}
