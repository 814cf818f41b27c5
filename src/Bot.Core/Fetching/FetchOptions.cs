namespace Bot.Core.Fetching;

/// <summary>How the bot fetches from the web (configuration section <c>Ingest</c>, beside the download limits).</summary>
public sealed class FetchOptions
{
    /// <summary>
    /// Hosts, addresses or CIDR ranges the bot may fetch from although they are not public ("intranet.example",
    /// "*.corp.example", "10.1.2.3", "10.0.0.0/8", "127.0.0.1"). Everything else must resolve to a public address.
    /// </summary>
    public List<string> AllowedHosts { get; set; } = [];

    /// <summary>Redirects followed for one fetch (default 5); each target is checked like the first address.</summary>
    public int MaxRedirects { get; set; } = 5;

    /// <summary>Requests in flight to one host at a time (default 2).</summary>
    public int RequestsPerHost { get; set; } = 2;

    /// <summary>Pause between the starts of two requests to one host (default 0.5 s); robots.txt's Crawl-delay can lengthen it.</summary>
    public TimeSpan HostDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How long a host's robots.txt is trusted before it is fetched again (default 1 hour).</summary>
    public TimeSpan RobotsCacheDuration { get; set; } = TimeSpan.FromHours(1);

    public void Validate()
    {
        if (MaxRedirects is < 0 or > 20) throw new ArgumentException("Ingest:MaxRedirects must be between 0 and 20.");
        if (RequestsPerHost is < 1 or > 16) throw new ArgumentException("Ingest:RequestsPerHost must be between 1 and 16.");
        if (HostDelay < TimeSpan.Zero || HostDelay > TimeSpan.FromMinutes(1))
            throw new ArgumentException("Ingest:HostDelay must be between 0 and 1 minute.");
        foreach (var entry in AllowedHosts) AllowedHost.Parse(entry);
    }
}
