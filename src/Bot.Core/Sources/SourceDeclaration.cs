namespace Bot.Core.Sources;

/// <summary>
/// A source as configuration or a command declares it (one entry of the <c>Sources</c> list, or the fields of
/// <c>sources add</c> and <c>POST /api/sources</c>); <see cref="ToDefinition"/> checks it.
/// </summary>
public sealed class SourceDeclaration
{
    public string? Name { get; set; }
    /// <summary>"feed" (RSS 2.0 or Atom; "rss" and "atom" also work), "sitemap" or "folder".</summary>
    public string? Kind { get; set; }
    public string? Url { get; set; }
    public string? Path { get; set; }
    public TimeSpan? Interval { get; set; }
    public List<string> Include { get; set; } = [];
    public List<string> Exclude { get; set; } = [];
    public int? MaxItems { get; set; }

    /// <summary>The checked definition; throws <see cref="ArgumentException"/> saying what is wrong.</summary>
    public SourceDefinition ToDefinition(SourceSyncOptions defaults, SourceOrigin origin)
    {
        var name = Name?.Trim() ?? "";
        if (!SourceNames.IsValid(name))
            throw new ArgumentException($"'{Name}' is not a valid source name: use 1-64 letters, digits, '-', '_' or '.'.");
        var kind = ParseKind(Kind, name);
        var location = kind == SourceKind.Folder ? FolderPath(name) : WebUrl(name, kind);
        var interval = Interval ?? defaults.DefaultInterval;
        if (interval < defaults.MinInterval || interval > TimeSpan.FromDays(31))
            throw new ArgumentException($"Source '{name}': the interval must be between {defaults.MinInterval} and 31 days, not {interval}.");
        var maxItems = MaxItems ?? defaults.DefaultMaxItems;
        if (maxItems is < 1 or > 100_000) throw new ArgumentException($"Source '{name}': MaxItems must be between 1 and 100,000.");
        var include = Patterns(Include);
        var exclude = Patterns(Exclude);
        return new SourceDefinition
        {
            Name = name, Kind = kind, Location = location, Interval = interval, Include = include, Exclude = exclude,
            MaxItems = maxItems, Origin = origin,
        };
    }

    /// <summary>The kind named, or guessed when none is: a location that is no URL is a folder, a URL a feed.</summary>
    private SourceKind ParseKind(string? kind, string name) => kind?.Trim().ToLowerInvariant() switch
    {
        null or "" => Url is null && Path is not null ? SourceKind.Folder : SourceKind.Feed,
        "feed" or "rss" or "atom" => SourceKind.Feed,
        "sitemap" => SourceKind.Sitemap,
        "folder" => SourceKind.Folder,
        _ => throw new ArgumentException($"Source '{name}': unknown kind '{kind}' (use feed, sitemap or folder)."),
    };

    private string WebUrl(string name, SourceKind kind)
    {
        var url = (Url ?? Path)?.Trim();
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            throw new ArgumentException($"Source '{name}': a {kind.ToString().ToLowerInvariant()} needs an http or https URL, not '{url}'.");
        return uri.AbsoluteUri;
    }

    private string FolderPath(string name)
    {
        var path = (Path ?? Url)?.Trim();
        if (string.IsNullOrEmpty(path) || path.Contains("://", StringComparison.Ordinal))
            throw new ArgumentException($"Source '{name}': a folder needs a local path, not '{path}'.");
        return System.IO.Path.GetFullPath(path);
    }

    private static IReadOnlyList<string> Patterns(IEnumerable<string> patterns) =>
        patterns.Select(p => p.Trim()).Where(p => p.Length > 0).Distinct().ToList();
}

/// <summary>Source names appear in URLs (/api/sources/NAME) and commands, so they stay simple.</summary>
public static class SourceNames
{
    public static bool IsValid(string name) =>
        name.Length is > 0 and <= 64 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.') && name[0] != '.';
}
