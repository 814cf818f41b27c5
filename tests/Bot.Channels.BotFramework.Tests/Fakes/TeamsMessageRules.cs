using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Bot.Channels.BotFramework.Schema;

namespace Bot.Channels.BotFramework.Tests.Fakes;

/// <summary>
/// The rules Teams applies to an AI answer message, checked on the activity as it goes over the wire. Each
/// broken rule is one line, so a failing test says which rule and where.
/// </summary>
public static partial class TeamsMessageRules
{
    public const int MaxCitations = 10;
    public const int MaxBytes = 80_000;

    public static void AssertValid(JsonNode activity, int maxBytes = MaxBytes)
    {
        var problems = Check(activity, maxBytes);
        Assert.True(problems.Count == 0, string.Join("\n", problems) + "\n" + activity.ToJsonString());
    }

    public static List<string> Check(JsonNode activity, int maxBytes = MaxBytes)
    {
        var problems = new List<string>();
        var text = activity["text"]?.GetValue<string>() ?? "";
        var roots = (activity["entities"]?.AsArray() ?? []).Where(e => (string?)e!["type"] == "https://schema.org/Message").ToList();
        if (roots.Count != 1) problems.Add($"expected one root schema.org Message entity, found {roots.Count}");
        if (roots.FirstOrDefault() is { } root)
        {
            Expect(problems, "@type", (string?)root["@type"], "Message");
            Expect(problems, "@context", (string?)root["@context"], "https://schema.org");
            Expect(problems, "@id", (string?)root["@id"], "");
            var types = root["additionalType"]?.AsArray().Select(t => (string?)t).ToList() ?? [];
            if (!types.SequenceEqual(["AIGeneratedContent"])) problems.Add($"additionalType must be [\"AIGeneratedContent\"], is [{string.Join(",", types)}]");
            var claims = root["citation"]?.AsArray().Select(c => c!).ToList() ?? [];
            if (claims.Count > MaxCitations) problems.Add($"{claims.Count} citations; Teams accepts at most {MaxCitations}");
            var positions = claims.Select(c => (int?)c["position"] ?? -1).ToList();
            var markers = Marker().Matches(text).Select(m => int.Parse(m.Groups[1].Value)).ToHashSet();
            foreach (var missing in markers.Where(m => !positions.Contains(m))) problems.Add($"marker [{missing}] has no citation");
            foreach (var unused in positions.Where(p => !markers.Contains(p))) problems.Add($"citation {unused} is not cited in the text");
            if (positions.Distinct().Count() != positions.Count) problems.Add("two citations share a position");
            foreach (var claim in claims) CheckClaim(claim, problems);
        }
        if (activity["channelData"] is { } channelData)
        {
            if (channelData["feedbackLoopEnabled"] is not null && channelData["feedbackLoop"] is not null)
                problems.Add("feedbackLoop and the legacy feedbackLoopEnabled must not be sent together");
            if (channelData["feedbackLoop"] is { } loop && (string?)loop["type"] is not ("default" or "custom"))
                problems.Add("feedbackLoop.type must be default or custom");
        }
        if (activity["suggestedActions"]?["actions"]?.AsArray() is { } actions)
        {
            if (actions.Count > 3) problems.Add($"{actions.Count} suggested actions; Teams shows three");
            if (actions.Any(a => (string?)a!["type"] != "imBack" || string.IsNullOrWhiteSpace((string?)a["value"])))
                problems.Add("suggested actions must be imBack with a value");
        }
        var size = activity.ToJsonString(BotFrameworkJson.Options).Length * sizeof(char);
        if (size > maxBytes) problems.Add($"{size} bytes in UTF-16; the budget is {maxBytes}");
        return problems;
    }

    private static void CheckClaim(JsonNode claim, List<string> problems)
    {
        var at = $"citation {(int?)claim["position"]}";
        Expect(problems, at + " @type", (string?)claim["@type"], "Claim");
        if (claim["appearance"] is not JsonObject appearance || appearance.Count == 0)
        {
            problems.Add(at + ": empty appearance");
            return;
        }
        Expect(problems, at + " appearance @type", (string?)appearance["@type"], "DigitalDocument");
        Length(problems, at + " name", (string?)appearance["name"], 1, 80);
        Length(problems, at + " abstract", (string?)appearance["abstract"], 1, 160);
        var keywords = appearance["keywords"]?.AsArray().Select(k => (string?)k ?? "").ToList() ?? [];
        if (keywords.Count > 3) problems.Add($"{at}: {keywords.Count} keywords, at most 3");
        foreach (var keyword in keywords) Length(problems, at + " keyword", keyword, 1, 28);
        if (appearance["text"] is { } card)
        {
            Expect(problems, at + " encodingFormat", (string?)appearance["encodingFormat"], "application/vnd.microsoft.card.adaptive");
            try
            {
                if ((string?)JsonNode.Parse((string)card!)?["type"] != "AdaptiveCard") problems.Add($"{at}: text is not an Adaptive Card");
            }
            catch (JsonException)
            {
                problems.Add($"{at}: text is not JSON");
            }
        }
    }

    private static void Expect(List<string> problems, string what, string? actual, string expected)
    {
        if (actual != expected) problems.Add($"{what} must be \"{expected}\", is \"{actual}\"");
    }

    private static void Length(List<string> problems, string what, string? value, int min, int max)
    {
        if ((value?.Length ?? 0) < min || value!.Length > max) problems.Add($"{what} must have {min}..{max} characters: \"{value}\"");
    }

    [GeneratedRegex(@"\[(\d+)\]")]
    private static partial Regex Marker();
}
