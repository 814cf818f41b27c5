using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Bot.Channels.BotFramework.Schema;
using Bot.Core.Answering;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Channels.BotFramework.Rendering;

/// <summary>
/// Turns an <see cref="Answer"/> into a Teams-native message: markdown text with [n] markers, the schema.org
/// Message entity (AI label and one Claim per cited source), feedback buttons, and a size that Teams accepts.
/// Channels that ignore citation entities (Web Chat, Emulator) get the sources listed under the text.
/// </summary>
public sealed class AnswerRenderer(IOptions<BotFrameworkOptions> options, ILogger<AnswerRenderer> logger)
{
    /// <summary>Teams rejects messages with more citations.</summary>
    public const int MaxCitations = 20;

    private readonly BotFrameworkOptions _options = options.Value;

    /// <summary>The answer message; <paramref name="streamInfo"/> marks it as the end of a Teams stream.</summary>
    public Activity Render(ConversationReference reference, Answer answer, string question, StreamInfo? streamInfo = null)
    {
        var citations = answer.Abstained ? [] : answer.Citations;
        var text = reference.ChannelId == ChannelIds.MsTeams ? answer.Text : answer.Text + SourcesList(citations);
        var message = Compose(reference, text, citations, streamInfo);
        return Fits(message) ? message : Shorten(reference, text, citations, streamInfo, question);
    }

    /// <summary>A plain message (apologies, notices): no AI label, no citations, no feedback buttons.</summary>
    public Activity RenderNotice(ConversationReference reference, string text, StreamInfo? streamInfo = null) =>
        reference.CreateActivity(ActivityTypes.Message, text) with
        {
            TextFormat = "markdown",
            Entities = streamInfo is null ? null : [streamInfo.ToEntity()],
        };

    private Activity Compose(ConversationReference reference, string text, IReadOnlyList<Citation> citations, StreamInfo? streamInfo)
    {
        var cited = CitationMarkers.Find(text).SelectMany(group => group.Numbers).ToHashSet();
        var claims = citations
            .Where(c => cited.Contains(c.Number))
            .OrderBy(c => c.Number)
            .Take(MaxCitations)
            .Select(ToClaim)
            .ToList();
        var message = new MessageEntity(claims.Count > 0 ? claims : null).ToEntity();
        return reference.CreateActivity(ActivityTypes.Message, text) with
        {
            TextFormat = "markdown",
            Entities = streamInfo is null ? [message] : [streamInfo.ToEntity(), message],
            ChannelData = new JsonObject { ["feedbackLoopEnabled"] = true },
        };
    }

    private static Claim ToClaim(Citation citation)
    {
        var keywords = Facts(citation)
            .Select(k => TextLimits.Truncate(k, DigitalDocument.MaxKeywordLength))
            .Take(DigitalDocument.MaxKeywords)
            .ToList();
        return new Claim(citation.Number, new DigitalDocument(
            Name: TextLimits.Truncate(string.IsNullOrWhiteSpace(citation.Title) ? citation.ArticleId : citation.Title, DigitalDocument.MaxNameLength),
            Abstract: TextLimits.Truncate(citation.Quote, DigitalDocument.MaxAbstractLength),
            Url: string.IsNullOrWhiteSpace(citation.Url) ? null : citation.Url,
            Keywords: keywords.Count > 0 ? keywords : null));
    }

    /// <summary>The source and publication date of the cited article, and the page of a PDF's quote, where known.</summary>
    private static IEnumerable<string> Facts(Citation citation) =>
        new[]
            {
                citation.Source, citation.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                citation.Page is { } page ? string.Create(CultureInfo.InvariantCulture, $"p. {page}") : null,
            }
            .Where(f => !string.IsNullOrWhiteSpace(f))
            .Select(f => f!);

    private static string SourcesList(IReadOnlyList<Citation> citations)
    {
        if (citations.Count == 0) return "";
        var list = new StringBuilder("\n\n**Sources**\n");
        foreach (var c in citations.OrderBy(c => c.Number))
        {
            var title = string.IsNullOrWhiteSpace(c.Url) ? c.Title : $"[{c.Title}]({c.Url})";
            var details = string.Join(", ", Facts(c));
            list.Append(CultureInfo.InvariantCulture, $"\n{c.Number}. {title}{(details.Length > 0 ? " — " + details : "")}");
        }
        return list.ToString();
    }

    private bool Fits(Activity message) => Size(message) <= _options.MaxMessageBytes;

    private static int Size(Activity message) => BotFrameworkJson.Serialize(message).Length;

    /// <summary>
    /// The longest cut of the text (at a word boundary, with a note) whose whole message fits, found by bisection
    /// because JSON escaping and the citations kept make the size depend on where the text is cut.
    /// </summary>
    private Activity Shorten(ConversationReference reference, string text, IReadOnlyList<Citation> citations, StreamInfo? streamInfo, string question)
    {
        var note = _options.WebChatUrl is { Length: > 0 } url
            ? $"\n\n… *This answer is too long for this chat. [Read it in full in the web chat]({url}{(url.Contains('?') ? '&' : '?')}q={Uri.EscapeDataString(question)}).*"
            : "\n\n… *This answer was shortened to fit the chat's message size limit.*";
        var best = Compose(reference, note.TrimStart(), citations, streamInfo);
        int low = 0, high = Encoding.UTF8.GetByteCount(text);
        while (low < high)
        {
            var budget = low + (high - low + 1) / 2;
            var candidate = Compose(reference, TextLimits.CutToBytes(text, budget) + note, citations, streamInfo);
            if (Fits(candidate))
            {
                best = candidate;
                low = budget;
            }
            else
            {
                high = budget - 1;
            }
        }
        logger.LogInformation("Shortened an answer of {Chars} characters to fit {Limit} bytes", text.Length, _options.MaxMessageBytes);
        return best;
    }
}
