using Bot.Core.Articles;
using Bot.Core.Articles.Repair;
using Bot.Testing;
using Bot.Testing.Hostile;
using CsCheck;

namespace Bot.Core.Tests.Articles.Properties;

/// <summary>
/// Every reader (see <see cref="ReaderCases"/>) under generated input: whatever a file holds, reading returns
/// drafts and problems that name the file (and row), never an exception; a well-formed file comes through
/// whole; one broken record is one problem naming its row, and every other record still goes in.
/// </summary>
public sealed class ReaderProperties
{
    [Theory]
    [MemberData(nameof(ReaderCases.Extensions), MemberType = typeof(ReaderCases))]
    public void Hostile_files_give_drafts_and_problems_that_name_the_file_never_an_exception(string extension)
    {
        var format = ReaderCases.For(extension);
        using var folder = new TempDirectory();
        Mutations.Of(GeneratedArticle.Many(5).Select(format.Write), format.SyntaxFragments).Sample(bytes =>
        {
            var path = folder.File(Guid.NewGuid().ToString("N") + extension);
            File.WriteAllBytes(path, bytes);
            ReaderInvariants.ReadAndCheckAsync(path).GetAwaiter().GetResult();
            File.Delete(path);
        }, iter: PropertyRuns.Iterations(150), print: Mutations.Preview);
    }

    [Theory]
    [MemberData(nameof(ReaderCases.Extensions), MemberType = typeof(ReaderCases))]
    public void A_well_formed_file_comes_through_whole(string extension)
    {
        var format = ReaderCases.For(extension);
        using var folder = new TempDirectory();
        GeneratedArticle.Many(format.ManyPerFile ? 6 : 1).Sample(articles =>
        {
            var path = folder.File(Guid.NewGuid().ToString("N") + extension);
            File.WriteAllBytes(path, format.Write(articles));
            var items = ReaderInvariants.ReadAndCheckAsync(path).GetAwaiter().GetResult();

            Assert.Empty(items.Problems());
            var drafts = items.Drafts();
            Assert.Equal(articles.Length, drafts.Count);
            for (var i = 0; i < articles.Length; i++)
            {
                if (format.ManyPerFile) Assert.Equal(i + 1, drafts[i].Row);
                if (format.KeepsTitle) Assert.Equal(articles[i].Title, drafts[i].Title);
                if (format.KeepsText) Assert.Equal(Visible(format.ExpectedText(articles[i])), Visible(drafts[i].Text));
            }
            File.Delete(path);
        }, iter: PropertyRuns.Iterations(100));
    }

    /// <summary>
    /// A case the property once found (seed arV4UGzy-MV4): an underscore's box sits below its line, and lines
    /// formed from boxes put it on the next one.
    /// </summary>
    [Fact]
    public async Task A_pdf_line_keeps_a_leading_underscore_in_place()
    {
        var format = ReaderCases.For(".pdf");
        using var folder = new TempDirectory();
        var article = new GeneratedArticle("NIAMEY drones", "_\tNiger asked the United States to arm its drones against jihadist groups on the Mali border, "
            + "raising the stakes in a campaign jolted by a deadly ambush of allied forces, the defence minister said on Monday.", "2017-11-01", []);
        var path = folder.File("underscore.pdf");
        File.WriteAllBytes(path, format.Write([article]));

        var draft = Assert.Single((await ReaderInvariants.ReadAndCheckAsync(path, TestContext.Current.CancellationToken)).Drafts());

        Assert.Equal(Visible(format.ExpectedText(article)), Visible(draft.Text));
    }

    [Theory]
    [MemberData(nameof(ReaderCases.ManyPerFileExtensions), MemberType = typeof(ReaderCases))]
    public void A_broken_record_is_one_problem_naming_its_row_and_the_rest_goes_in(string extension)
    {
        var format = ReaderCases.For(extension);
        using var folder = new TempDirectory();
        var cases = GeneratedArticle.Many(6).SelectMany(articles =>
            Gen.Select(Gen.Int[0, articles.Length - 1], Gen.Int[0, format.BreakingWays - 1], (broken, how) => (articles, broken, how)));
        cases.Sample((articles, broken, how) =>
        {
            var path = folder.File(Guid.NewGuid().ToString("N") + extension);
            File.WriteAllBytes(path, format.WriteWithBroken(articles, broken, how));
            var items = ReaderInvariants.ReadAndCheckAsync(path).GetAwaiter().GetResult();

            var problem = Assert.Single(items.Problems());
            Assert.Equal(path, problem.Origin);
            Assert.Equal(broken + 1, problem.Row);
            Assert.Equal(
                Enumerable.Range(1, articles.Length).Where(row => row != broken + 1),
                items.Drafts().Select(d => d.Row!.Value));
            Assert.Equal(
                articles.Where((_, i) => i != broken).Select(a => a.Title),
                items.Drafts().Select(d => d.Title));
            File.Delete(path);
        }, iter: PropertyRuns.Iterations(100));
    }

    /// <summary>The text without its whitespace: what must survive reading, whatever the format does with spacing.</summary>
    private static string Visible(string text) =>
        string.Concat(WhitespaceNormalizer.Normalize(text).Where(c => !char.IsWhiteSpace(c)));
}
