using System.Net.Http.Headers;
using System.Text;

namespace Bot.Core.Fetching;

/// <summary>What one fetch asks for beyond the URL: validators for a conditional GET, and whether robots.txt applies.</summary>
public sealed record FetchRequest
{
    public static readonly FetchRequest Plain = new();

    /// <summary>The ETag seen last time: sent as If-None-Match.</summary>
    public string? ETag { get; init; }
    /// <summary>The Last-Modified seen last time: sent as If-Modified-Since.</summary>
    public string? LastModified { get; init; }
    /// <summary>Whether the host's robots.txt must allow the URL (scheduled crawling does; a URL a person typed does not).</summary>
    public bool RespectRobots { get; init; }
}

/// <summary>The outcome of a fetch: content, "not modified", or a failure with its reason. Never an exception.</summary>
public abstract record FetchResult(Uri Url);

/// <summary>A successful download.</summary>
/// <param name="FinalUrl">Where the content came from after redirects.</param>
public sealed record FetchedContent(Uri Url, Uri FinalUrl, byte[] Body, MediaTypeHeaderValue? ContentType, string? ETag, string? LastModified)
    : FetchResult(Url)
{
    public string? MediaType => ContentType?.MediaType?.ToLowerInvariant();

    /// <summary>The body as text: the declared charset when .NET knows it, else UTF-8 (what nearly every page is).</summary>
    public string Text()
    {
        var encoding = Encoding.UTF8;
        try
        {
            if (ContentType?.CharSet is { Length: > 0 } charset) encoding = Encoding.GetEncoding(charset.Trim('"'));
        }
        catch (ArgumentException)
        {
            // An unknown charset name: fall back to UTF-8 rather than refuse the content.
        }
        return encoding.GetString(Body);
    }
}

/// <summary>The server answered 304: the content is what it was when the validators were stored.</summary>
public sealed record NotModified(Uri Url) : FetchResult(Url);

/// <summary>Nothing usable came back, or the fetch was refused before any connection (<see cref="Refused"/>).</summary>
public sealed record FetchFailure(Uri Url, string Reason, bool Refused = false) : FetchResult(Url)
{
    /// <summary>The HTTP status when the server answered with an error.</summary>
    public int? Status { get; init; }
}
