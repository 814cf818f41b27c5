using Bot.Core.Articles;
using Bot.Testing;

namespace Bot.Core.Tests.Articles;

/// <summary>PDFs the tests generate, read through the real reader like any other file.</summary>
public sealed class PdfReadingTests
{
    private static async Task<List<ReadItem>> ReadAsync(byte[] pdf, string name = "story.pdf")
    {
        using var folder = new TempDirectory();
        var path = folder.File(name);
        await File.WriteAllBytesAsync(path, pdf, TestContext.Current.CancellationToken);
        return await Reading.ReadAllAsync(path);
    }

    [Fact]
    public async Task A_pdf_becomes_an_article_whose_pages_are_known()
    {
        var article = (await ReadAsync(TestPdfs.ThreePageStory())).Single().Normalized();

        Assert.Equal("Niger drone talks, in three pages", article.Title);
        Assert.Equal(new DateTimeOffset(2017, 11, 1, 10, 0, 0, TimeSpan.Zero), article.Published);
        Assert.Equal("Niamey", article.Place);
        Assert.Equal(3, article.PageStarts.Count);
        var drones = article.Text.IndexOf("Niger asked the United States to arm its surveillance drones", StringComparison.Ordinal);
        var talks = article.Text.IndexOf("Niger has opened talks", StringComparison.Ordinal);
        Assert.True(drones > 0 && talks > 0, article.Text);
        Assert.Equal(3, article.PageAt(drones));
        Assert.Equal(1, article.PageAt(talks));
    }

    [Fact]
    public async Task Lines_are_joined_and_a_word_broken_at_a_line_end_is_whole_again()
    {
        var article = (await ReadAsync(TestPdfs.ThreePageStory())).Single().Normalized();

        Assert.Contains("The international partners asked for a timetable before the rainy season.", article.Text);
        Assert.Contains("about the drone base near Agadez. Officials met in the capital", article.Text);
    }

    /// <summary>
    /// Found by the reader property tests: Docstrum put a long word's nearest neighbour from the next line on its
    /// line, and read "https://... Monday. on" for "https://... on" / "Monday.".
    /// </summary>
    [Fact]
    public async Task A_short_word_after_a_long_one_stays_on_its_line()
    {
        var draft = (await ReadAsync(TestPdfs.Document(
            [[new("https://kalmora-port.example/press/2019/six-cranes-back-in-service on"), new("Monday.")]]))).Single();

        Assert.Equal("https://kalmora-port.example/press/2019/six-cranes-back-in-service on Monday.", draft.Text);
    }

    /// <summary>
    /// Found by the reader property tests: Docstrum made a line holding one very long word a block of its own,
    /// inside the block of the short lines above and below it, and the page read the line below before it.
    /// </summary>
    [Fact]
    public async Task A_line_of_one_long_word_is_read_between_the_lines_around_it()
    {
        var draft = (await ReadAsync(TestPdfs.Document(
            [[new("Officials-said-on-Monday"), new("https://kalmora-port.example/press/2019/six-cranes-back-in-service-after-the-storm-repairs"),
              new("that work")]]))).Single();

        Assert.Equal("Officials-said-on-Monday https://kalmora-port.example/press/2019/six-cranes-back-in-service-after-the-storm-repairs that work", draft.Text);
    }

    [Fact]
    public async Task Without_metadata_the_title_and_date_come_from_the_first_page()
    {
        var article = (await ReadAsync(TestPdfs.Document(
            [
                [new("Harbour cranes return", 24), new("June 3, 2019"), new(""),
                 new("KALMORA (Coastal Wire) - Six harbour cranes returned to service on Monday.")],
            ]))).Single().Normalized();

        Assert.Equal("Harbour cranes return", article.Title);
        Assert.Equal(new DateTimeOffset(2019, 6, 3, 0, 0, 0, TimeSpan.Zero), article.Published);
    }

    [Fact]
    public async Task Every_chunk_of_a_pdf_lies_on_one_page()
    {
        var article = (await ReadAsync(TestPdfs.ThreePageStory())).Single().Normalized();
        var chunks = new Bot.Core.Chunking.Chunker(Microsoft.Extensions.Options.Options.Create(
            new Bot.Core.Chunking.ChunkingOptions { MaxTokens = 200, OverlapSentences = 1 })).Chunk(article);

        Assert.Equal([1, 2, 3], chunks.Select(c => c.Page!.Value).Distinct());
        Assert.All(chunks, c => Assert.Equal(c.Page, article.PageAt(c.End - 1)));
        Assert.Contains(chunks, c => c.Page == 3 && c.Text.Contains("arm its surveillance drones", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_encrypted_pdf_is_reported_and_skipped()
    {
        var items = await ReadAsync(TestPdfs.Encrypted(), "locked.pdf");
        var problem = Assert.Single(items.Problems());
        Assert.EndsWith("locked.pdf", problem.Origin);
        Assert.Equal("the PDF is encrypted and needs a password; it was not read", problem.Reason);
    }

    [Fact]
    public async Task A_scanned_pdf_without_text_is_reported_and_skipped()
    {
        var problem = Assert.Single((await ReadAsync(TestPdfs.Scanned(), "scan.pdf")).Problems());
        Assert.Equal("the PDF has no text layer (scanned pages?); text in images is not read", problem.Reason);
    }

    [Fact]
    public async Task A_broken_pdf_is_reported_and_skipped()
    {
        var problem = Assert.Single((await ReadAsync(TestPdfs.Broken(), "broken.pdf")).Problems());
        Assert.StartsWith("the PDF could not be read: ", problem.Reason);
    }
}
