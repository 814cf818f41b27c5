using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Bot.Web.Tests.Hosting;

/// <summary>Checks every answer must pass, whatever the question.</summary>
public static partial class Answers
{
    [GeneratedRegex(@"\[(\d{1,3})\]")]
    private static partial Regex Marker();

    /// <summary>Every [n] in the text names a citation, and every citation is cited in the text.</summary>
    public static void AssertMarkersMatchCitations(JsonNode answer)
    {
        var text = (string)answer["text"]!;
        var cited = Marker().Matches(text).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
        var numbers = answer["citations"]!.AsArray().Select(c => (int)c!["number"]!).ToList();
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
        Assert.Equal(numbers.Order(), cited.Order());
    }

    /// <summary>Each citation's quote is exactly its article's text at [start, end).</summary>
    public static async Task AssertQuotesAreVerbatimAsync(JsonNode answer, HttpClient client)
    {
        foreach (var citation in answer["citations"]!.AsArray())
        {
            var article = await (await client.GetAsync($"/api/articles/{(string)citation!["articleId"]!}", TestContext.Current.CancellationToken)).JsonAsync();
            var text = (string)article["text"]!;
            var (start, end) = ((int)citation["start"]!, (int)citation["end"]!);
            Assert.InRange(start, 0, end);
            Assert.InRange(end, start, text.Length);
            Assert.Equal(text[start..end], (string)citation["quote"]!);
            Assert.Equal((string)article["title"]!, (string)citation["title"]!);
        }
    }
}
