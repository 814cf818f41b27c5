using Bot.Core.Articles;
using Bot.Core.Articles.Metadata;
using Bot.Core.Articles.Repair;
using Bot.Testing.Hostile;
using CsCheck;

namespace Bot.Core.Tests.Articles.Properties;

/// <summary>
/// Repair and normalisation under generated text: they never change anything outside what they repair. The
/// apostrophe repair only turns spaces into apostrophes (so offsets stay valid); whitespace normalisation only
/// changes whitespace; the dateline reader only reads; the normaliser makes an article or says why not.
/// </summary>
public sealed class TextRepairProperties
{
    private static readonly Gen<string> Texts = HostileText.Text(100);

    [Fact]
    public void Apostrophe_repair_only_turns_spaces_into_apostrophes_and_is_stable()
    {
        Texts.Sample(text =>
        {
            var repaired = ApostropheRepair.Repair(text);

            Assert.Equal(text.Length, repaired.Length);
            for (var i = 0; i < text.Length; i++)
                if (repaired[i] != text[i])
                    Assert.True(text[i] == ' ' && repaired[i] == '\'', $"character {i} '{text[i]}' became '{repaired[i]}'");
            Assert.Equal(repaired, ApostropheRepair.Repair(repaired));
        }, iter: PropertyRuns.Iterations(3000), print: HostileText.CodeUnits);
    }

    [Fact]
    public void Whitespace_normalisation_changes_only_whitespace_and_is_stable()
    {
        Texts.Sample(text =>
        {
            var normalized = WhitespaceNormalizer.Normalize(text);

            Assert.Equal(Visible(text), Visible(normalized));
            Assert.Equal(normalized, WhitespaceNormalizer.Normalize(normalized));
            Assert.DoesNotContain("  ", normalized, StringComparison.Ordinal);
            Assert.DoesNotContain("\n\n\n", normalized, StringComparison.Ordinal);
            Assert.DoesNotContain('\r', normalized);
            Assert.Equal(normalized.Trim(), normalized);
            Assert.DoesNotContain('\n', WhitespaceNormalizer.SingleLine(text));
        }, iter: PropertyRuns.Iterations(3000), print: HostileText.CodeUnits);
    }

    [Fact]
    public void A_dateline_found_lies_inside_the_text()
    {
        Gen.Select(Gen.OneOf("NIAMEY (Reuters) - ", "By Tim Cocks NIAMEY (Reuters) - ", "(Reuters) - ", ""), Texts).Sample((opening, rest) =>
        {
            var text = opening + rest;
            if (DatelineParser.Parse(text) is { } dateline)
            {
                Assert.InRange(dateline.LeadStart, 0, text.Length);
                Assert.False(string.IsNullOrWhiteSpace(dateline.Agency));
            }
        }, iter: PropertyRuns.Iterations(2000));
    }

    [Fact]
    public void The_normaliser_makes_an_article_or_names_the_draft_it_could_not()
    {
        Gen.Select(Texts, Texts, HostileText.Text(8), HostileText.AnyString(60)).Sample((text, title, date, url) =>
        {
            var draft = new ArticleDraft("generated.jsonl", 7, text) { Title = title, PublishedRaw = date, Url = url, Source = title, Author = date };

            var result = ArticleNormalizer.Normalize(draft);

            if (!result.Succeeded)
            {
                Assert.Equal(("generated.jsonl", (int?)7), (result.Problem.Origin, result.Problem.Row));
                Assert.Equal("", Visible(text));
                return;
            }
            var article = result.Article;
            Assert.Equal(ApostropheRepair.Repair(WhitespaceNormalizer.Normalize(text)), article.Text);
            Assert.Matches("^[0-9a-f]{16}$", article.Id);
            Assert.False(string.IsNullOrEmpty(article.Fingerprint));
            Assert.Equal(TimeSpan.Zero, article.Published?.Offset ?? TimeSpan.Zero);
        }, iter: PropertyRuns.Iterations(2000));
    }

    private static string Visible(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
