namespace Bot.Core.Articles.Identity;

/// <summary>
/// One spelling per web address, so the same story linked two ways is one article: scheme and host lower-case,
/// default port, fragment and utm_* tracking parameters dropped, no trailing slash. Other query parameters keep
/// their order (some sites identify the story by them).
/// </summary>
public static class UrlNormalizer
{
    /// <summary>The normalised http(s) URL, or null when <paramref name="url"/> is no absolute http(s) URL.</summary>
    public static string? Normalize(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)
            || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            return null;

        var query = string.Join('&', uri.Query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !p.StartsWith("utm_", StringComparison.OrdinalIgnoreCase)));
        var path = uri.AbsolutePath.TrimEnd('/');
        var port = uri.IsDefaultPort ? "" : $":{uri.Port}";
        return $"{uri.Scheme}://{uri.Host.ToLowerInvariant()}{port}{path}{(query.Length > 0 ? "?" + query : "")}";
    }
}
