using System.Globalization;
using System.Text.Json.Nodes;
using Bot.Core.Answering;

namespace Bot.Channels.BotFramework.Rendering;

/// <summary>
/// The full citation Teams shows in the modal window behind a citation pop-up: a stringified Adaptive Card
/// (appearance.text, encodingFormat <see cref="EncodingFormat"/>) with the title, date and source, every
/// quoted sentence, and a link to the passage in the web chat. The modal renders no interactive items, so the
/// link is markdown in a TextBlock rather than an action.
/// </summary>
public static class CitationCard
{
    public const string EncodingFormat = "application/vnd.microsoft.card.adaptive";

    public static string Build(CitedSource source, string? webChatUrl)
    {
        var first = source.First;
        var body = new JsonArray
        {
            TextBlock(string.IsNullOrWhiteSpace(first.Title) ? first.ArticleId : first.Title, weight: "Bolder", size: "Medium"),
        };
        var facts = string.Join(" · ", new[] { first.Published?.ToString("d MMMM yyyy", CultureInfo.InvariantCulture), first.Source }
            .Where(f => !string.IsNullOrWhiteSpace(f)));
        if (facts.Length > 0) body.Add(TextBlock(facts, subtle: true));
        foreach (var quote in source.Quotes)
            body.Add(TextBlock($"“{quote}”"));
        if (PanelUrl(webChatUrl, first) is { } panel)
            body.Add(TextBlock($"[Show the passage in the web chat]({panel})"));
        return new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = "1.5",
            ["body"] = body,
        }.ToJsonString();
    }

    /// <summary>The web chat opened on the article with the quoted span highlighted (the page reads article, start and end).</summary>
    public static string? PanelUrl(string? webChatUrl, Citation citation) =>
        string.IsNullOrWhiteSpace(webChatUrl)
            ? null
            : string.Create(CultureInfo.InvariantCulture,
                $"{webChatUrl}{(webChatUrl.Contains('?') ? '&' : '?')}article={Uri.EscapeDataString(citation.ArticleId)}&start={citation.Start}&end={citation.End}");

    private static JsonObject TextBlock(string text, string? weight = null, string? size = null, bool subtle = false)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };
        if (weight is not null) block["weight"] = weight;
        if (size is not null) block["size"] = size;
        if (subtle) block["isSubtle"] = true;
        return block;
    }
}
