using Bot.Core.Retrieval;

namespace Bot.Web.Api;

/// <summary>Filters as JSON bodies carry them; dates in any format the archive reads.</summary>
public sealed record FilterBody(string? From = null, string? To = null, string? Source = null, string[]? Tags = null)
{
    public SearchFilter ToFilter() => SearchFilterText.Parse(From, To, Source, Tags);
}

/// <summary>POST /api/ask. With <see cref="Stream"/> the answer arrives as Server-Sent Events.</summary>
public sealed record AskBody(string Question, string? ConversationId = null, FilterBody? Filters = null, bool Stream = false);

/// <summary>POST /api/ingest as JSON: web pages to download and ingest.</summary>
public sealed record IngestUrlsBody(string[] Urls);

/// <summary>GET /api/search.</summary>
public sealed record SearchResponse(SearchMode Mode, string? Notice, IReadOnlyList<Passage> Passages);

/// <summary>GET /api/me: who the caller is, so the page knows what to show.</summary>
public sealed record CallerInfo(string Name, string Role, bool KeysRequired);
