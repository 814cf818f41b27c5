namespace Bot.Core.Articles;

/// <summary>Bounds on what ingestion reads, bound from configuration section <c>Ingest</c>.</summary>
public sealed class ArticleLimits
{
    public const string SectionName = "Ingest";

    /// <summary>
    /// Largest file read, in bytes (default 256 MB, room for ~100,000 wire stories in one CSV). A bigger file is
    /// reported as a problem and skipped, because every format is read whole into memory.
    /// </summary>
    public long MaxFileBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>
    /// Longest article text, in characters (default 2,000,000, about 300,000 words). A longer text is reported as a
    /// problem, never truncated: a cut article would silently lose the passages a citation might need.
    /// </summary>
    public int MaxArticleChars { get; set; } = 2_000_000;

    /// <summary>
    /// Largest web page downloaded, in bytes (default 20 MB). The download stops and is reported once the body
    /// passes it, so a huge or endless response cannot exhaust memory.
    /// </summary>
    public long MaxDownloadBytes { get; set; } = 20L * 1024 * 1024;

    /// <summary>
    /// How long one web page download may take, headers and body together (default 30 seconds); a slower server
    /// is reported as a problem instead of stalling ingestion.
    /// </summary>
    public TimeSpan DownloadTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
