using System.Text.RegularExpressions;
using Bot.Core.Articles;
using Bot.Core.Articles.Repair;
using Bot.Testing;

namespace Bot.Core.Tests.Articles;

/// <summary>
/// Measures the apostrophe repair on real Reuters text. The politicsNews rows of the ISOT sample kept their
/// apostrophes, so they are the ground truth: break them the way the worldnews rows were broken, repair, compare.
/// </summary>
public sealed partial class ApostropheRepairMeasurementTests
{
    [GeneratedRegex(@"[’'](?=\p{L})")]
    private static partial Regex ApostropheBeforeLetter();

    private static async Task<List<string>> PoliticsTextsAsync()
    {
        var texts = new List<string>();
        foreach (var file in new[] { "True_sample_1500.csv", "true_small_1000.csv" })
        {
            var items = await Reading.ReadAllAsync(Path.Combine(SharedData.IsotSample, file));
            texts.AddRange(items.Drafts().Where(d => d.Tags.Contains("politicsNews")).Select(d => d.Text));
        }
        return texts;
    }

    [Fact]
    public async Task Text_with_real_apostrophes_is_left_alone()
    {
        var texts = await PoliticsTextsAsync();
        var changes = new List<string>();
        foreach (var text in texts)
        {
            var repaired = ApostropheRepair.Repair(text);
            for (var i = 0; i < text.Length; i++)
                if (repaired[i] != text[i])
                    changes.Add(text[Math.Max(0, i - 25)..Math.Min(text.Length, i + 15)]);
        }

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{texts.Count} politicsNews texts, {changes.Count} changes:\n" + string.Join("\n", changes));
        Assert.True(texts.Count >= 1300, $"only {texts.Count} politicsNews texts");
        // Measured: 1,306 texts, 0 changes.
        Assert.True(changes.Count == 0, $"{changes.Count} false repairs: " + string.Join(" | ", changes));
    }

    [Fact]
    public async Task Broken_apostrophes_are_restored_with_high_precision_and_recall()
    {
        var texts = await PoliticsTextsAsync();
        int truePositives = 0, falsePositives = 0, falseNegatives = 0;
        var misses = new List<string>();
        foreach (var original in texts)
        {
            var broken = ApostropheBeforeLetter().Replace(original, " ");
            var expected = ApostropheBeforeLetter().Replace(original, "'");
            var repaired = ApostropheRepair.Repair(broken);
            Assert.Equal(broken.Length, repaired.Length);
            for (var i = 0; i < broken.Length; i++)
            {
                var wasBroken = expected[i] == '\'' && broken[i] == ' ';
                var wasRepaired = repaired[i] != broken[i];
                if (wasRepaired && wasBroken) truePositives++;
                else if (wasRepaired) falsePositives++;
                else if (wasBroken)
                {
                    falseNegatives++;
                    misses.Add(expected[Math.Max(0, i - 15)..Math.Min(expected.Length, i + 10)]);
                }
            }
        }

        var precision = truePositives / (double)(truePositives + falsePositives);
        var recall = truePositives / (double)(truePositives + falseNegatives);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"broken {truePositives + falseNegatives}, repaired right {truePositives}, wrong {falsePositives}, missed {falseNegatives}; " +
            $"precision {precision:F4}, recall {recall:F4}\nmissed:\n" + string.Join("\n", misses));
        // Measured: 7,510 broken, 7,490 restored, 0 wrong, 20 missed (Shi'ite, Ra'ad, O'ROURKE, how'd, and
        // opening single quotes the breaking step also turned into spaces): precision 1.0000, recall 0.9973.
        Assert.True(precision >= 0.999, $"precision {precision:F4}");
        Assert.True(recall >= 0.995, $"recall {recall:F4}");
    }
}
