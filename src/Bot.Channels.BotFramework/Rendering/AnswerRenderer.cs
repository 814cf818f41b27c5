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
/// Message entity (AI label and one Claim per cited source, the full quote in an Adaptive Card behind each),
/// feedback buttons, follow-up suggestions, and a size that Teams accepts. Channels that ignore citation
/// entities (Web Chat, Emulator) get the sources listed under the text instead of the cards.
/// </summary>
public sealed class AnswerRenderer(IOptions<BotFrameworkOptions> options, ILogger<AnswerRenderer> logger)
{
    /// <summary>Teams answers HTTP 400 to a message with more citations.</summary>
    public const int MaxCitations = 10;

    private readonly BotFrameworkOptions _options = options.Value;

    /// <summary>The answer message; <paramref name="streamInfo"/> marks it as the end of a Teams stream.</summary>
    public Activity Render(ConversationReference reference, Answer answer, string question, StreamInfo? streamInfo = null)
    {
        var teams = reference.ChannelId == ChannelIds.MsTeams;
        var fitted = CitationBudget.Fit(answer.Text, answer.Abstained ? [] : answer.Citations, MaxCitations);
        var text = Emphasised(answer.Short, fitted.Text) + (fitted.Truncated ? ContinuationNote(question, "It cites more sources than one message can carry.") : "");
        if (!teams) text += SourcesList(fitted.Sources);
        var parts = new Parts(reference, fitted.Sources, streamInfo, teams, FollowUpActions(answer));
        var message = Compose(parts, text);
        return Fits(message) ? message : Shorten(parts, text, question);
    }

    /// <summary>The answer's text with its short answer in bold ("**Oct. 4, 2017.** "On Oct. 4, ..." [1]").</summary>
    private static string Emphasised(ShortAnswer? brief, string text) =>
        brief?.OpeningOf(text) is { } opening ? $"**{opening}**{text[opening.Length..]}" : text;

    /// <summary>A plain message (apologies, notices): no AI label, no citations, no feedback buttons.</summary>
    public Activity RenderNotice(ConversationReference reference, string text, StreamInfo? streamInfo = null) =>
        reference.CreateActivity(ActivityTypes.Message, text) with
        {
            TextFormat = "markdown",
            Entities = streamInfo is null ? null : [streamInfo.ToEntity()],
        };

    /// <summary>Everything of the message but its text, which <see cref="Shorten"/> varies.</summary>
    private sealed record Parts(
        ConversationReference Reference, IReadOnlyList<CitedSource> Sources, StreamInfo? StreamInfo, bool Teams, SuggestedActions? FollowUps);

    private Activity Compose(Parts parts, string text)
    {
        var cited = CitationMarkers.Find(text).SelectMany(group => group.Numbers).ToHashSet();
        var claims = parts.Sources.Where(s => cited.Contains(s.Number)).Select(s => ToClaim(s, parts.Teams)).ToList();
        var message = new MessageEntity(claims.Count > 0 ? claims : null).ToEntity();
        return parts.Reference.CreateActivity(ActivityTypes.Message, text) with
        {
            TextFormat = "markdown",
            Entities = parts.StreamInfo is null ? [message] : [parts.StreamInfo.ToEntity(), message],
            // The current form of the feedback buttons; the legacy feedbackLoopEnabled flag must not be sent beside it.
            ChannelData = new JsonObject { ["feedbackLoop"] = new JsonObject { ["type"] = "default" } },
            SuggestedActions = parts.FollowUps,
        };
    }

    private Claim ToClaim(CitedSource source, bool teams)
    {
        var citation = source.First;
        var keywords = Facts(citation)
            .Select(k => TextLimits.Truncate(k, DigitalDocument.MaxKeywordLength))
            .Take(DigitalDocument.MaxKeywords)
            .ToList();
        var name = string.IsNullOrWhiteSpace(citation.Title) ? citation.ArticleId : citation.Title;
        return new Claim(source.Number, new DigitalDocument(
            Name: TextLimits.Truncate(name, DigitalDocument.MaxNameLength),
            Abstract: TextLimits.Truncate(string.IsNullOrWhiteSpace(citation.Quote) ? name : citation.Quote, DigitalDocument.MaxAbstractLength),
            Url: string.IsNullOrWhiteSpace(citation.Url) ? null : citation.Url,
            Keywords: keywords.Count > 0 ? keywords : null)
        {
            // Only Teams opens the card behind a citation; elsewhere the abstract (and the sources list) is all there is.
            Text = teams ? CitationCard.Build(source, _options.WebChatUrl) : null,
            EncodingFormat = teams ? CitationCard.EncodingFormat : null,
        });
    }

    private SuggestedActions? FollowUpActions(Answer answer) =>
        _options.FollowUpsEnabled && answer.FollowUps.Count > 0
            ? new SuggestedActions(answer.FollowUps.Take(FollowUps.Max).Select(f => CardAction.Ask(f, f)).ToList())
            : null;

    /// <summary>The source and publication date of the cited article, and the page of a PDF's quote, where known.</summary>
    private static IEnumerable<string> Facts(Citation citation) =>
        new[]
            {
                citation.Source, citation.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                citation.Page is { } page ? string.Create(CultureInfo.InvariantCulture, $"p. {page}") : null,
            }
            .Where(f => !string.IsNullOrWhiteSpace(f))
            .Select(f => f!);

    private static string SourcesList(IReadOnlyList<CitedSource> sources)
    {
        if (sources.Count == 0) return "";
        var list = new StringBuilder("\n\n**Sources**\n");
        foreach (var source in sources)
        {
            var c = source.First;
            var title = string.IsNullOrWhiteSpace(c.Url) ? c.Title : $"[{c.Title}]({c.Url})";
            var details = string.Join(", ", Facts(c));
            list.Append(CultureInfo.InvariantCulture, $"\n{source.Number}. {title}{(details.Length > 0 ? " — " + details : "")}");
        }
        return list.ToString();
    }

    private bool Fits(Activity message) => MessageSize.Of(message) <= _options.MaxMessageBytes;

    /// <summary>The note that ends a cut answer: where to read all of it, when the web chat is configured.</summary>
    private string ContinuationNote(string question, string reason) =>
        _options.WebChatUrl is { Length: > 0 } url
            ? $"\n\n… *{reason} [Read it in full in the web chat]({url}{(url.Contains('?') ? '&' : '?')}q={Uri.EscapeDataString(question)}).*"
            : $"\n\n… *{reason}*";

    /// <summary>
    /// The longest cut of the text (at a word boundary, with a note) whose whole message fits, found by bisection
    /// because JSON escaping and the citations kept make the size depend on where the text is cut.
    /// </summary>
    private Activity Shorten(Parts parts, string text, string question)
    {
        var note = ContinuationNote(question, "This answer is too long for this chat.");
        var best = Compose(parts, note.TrimStart());
        int low = 0, high = text.Length;
        while (low < high)
        {
            var budget = low + (high - low + 1) / 2;
            var candidate = Compose(parts, TextLimits.CutToLength(text, budget) + note);
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
        logger.LogInformation("Shortened an answer of {Chars} characters to fit {Limit} bytes (UTF-16)", text.Length, _options.MaxMessageBytes);
        return best;
    }
}
