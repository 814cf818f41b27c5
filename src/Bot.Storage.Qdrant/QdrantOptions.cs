using Bot.Core.Retrieval;

namespace Bot.Storage.Qdrant;

/// <summary>Settings of the Qdrant store (configuration section "Qdrant").</summary>
public sealed class QdrantOptions
{
    public const string Section = "Qdrant";

    /// <summary>Qdrant's gRPC endpoint, http or https (TLS); Qdrant serves gRPC on port 6334 by default.</summary>
    public Uri Url { get; set; } = new("http://localhost:6334");

    /// <summary>Sent as the <c>api-key</c> header when set.</summary>
    public string? ApiKey { get; set; }

    public string Collection { get; set; } = "news";

    /// <summary>The deadline of one gRPC attempt; an attempt past it is retried.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Upload requests in flight at once while saving.</summary>
    public int MaxParallelUploads { get; set; } = 4;

    /// <summary>
    /// gzip upsert calls: about a fifth fewer bytes on the wire (text shrinks threefold, float vectors by less than a
    /// tenth) for about as much client CPU again as the upload itself; worth it on a slow link to a remote Qdrant.
    /// </summary>
    public bool CompressUploads { get; set; }

    /// <summary>Points per upsert call (Qdrant recommends a few hundred at most).</summary>
    public int BatchSize { get; set; } = 256;

    /// <summary>Retries of a call that failed with Unavailable (refused or broken connection), DeadlineExceeded or ResourceExhausted.</summary>
    public int MaxRetries { get; set; } = 4;

    /// <summary>First backoff delay; it doubles with each retry (with jitter) unless the server sends a retry-after trailer.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Upper bound on any single wait, retry-after included.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// BM25's expected average chunk length in analysed terms (the <c>avglen</c> of the length
    /// normalisation). Qdrant computes IDF itself but knows nothing of document lengths, so the
    /// adapter bakes length normalisation into each chunk's sparse weights against this constant.
    /// Set it near the archive's real mean (GetStatsAsync reports it as "bm25.avg_terms_assumed"). The
    /// default 90 is the mean measured over 1,264 chunks of the Reuters sample with the default chunker
    /// (200 tokens, title context line included).
    /// </summary>
    public double Bm25AverageChunkTerms { get; set; } = 90;

    /// <summary>
    /// At least this many candidates from each branch of a hybrid query (dense, sparse) go into fusion; more when
    /// top × per-article cap × 3 is larger, as in the embedded store.
    /// </summary>
    public int PrefetchLimit { get; set; } = 100;

    /// <summary>How hybrid search fuses the dense and the lexical ranking (see <see cref="QdrantHybridFusion"/>).</summary>
    public QdrantHybridFusion HybridFusion { get; set; } = QdrantHybridFusion.Score;

    /// <summary>
    /// Share of the dense score in <see cref="QdrantHybridFusion.Score"/> fusion. The host copies the embedded
    /// store's Store:DenseWeight here, so one setting drives both stores.
    /// </summary>
    public double DenseWeight { get; set; } = RankFusion.DefaultDenseWeight;

    /// <summary>Every problem with these settings, worded for the person editing the configuration.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (!Url.IsAbsoluteUri || (Url.Scheme != Uri.UriSchemeHttp && Url.Scheme != Uri.UriSchemeHttps))
            problems.Add($"Qdrant:Url must be an absolute http or https URL, not '{Url}'.");
        if (string.IsNullOrWhiteSpace(Collection) || Collection.Length > 255 || Collection.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.')))
            problems.Add($"Qdrant:Collection '{Collection}' must be 1-255 letters, digits, '_', '-' or '.'.");
        if (Timeout <= TimeSpan.Zero) problems.Add("Qdrant:Timeout must be positive.");
        if (MaxParallelUploads is < 1 or > 32) problems.Add("Qdrant:MaxParallelUploads must be between 1 and 32.");
        if (BatchSize is < 1 or > 256) problems.Add("Qdrant:BatchSize must be between 1 and 256.");
        if (MaxRetries is < 0 or > 10) problems.Add("Qdrant:MaxRetries must be between 0 and 10.");
        if (RetryBaseDelay < TimeSpan.Zero || MaxRetryDelay < TimeSpan.Zero) problems.Add("Qdrant retry delays cannot be negative.");
        if (!(Bm25AverageChunkTerms >= 1)) problems.Add("Qdrant:Bm25AverageChunkTerms must be at least 1.");
        if (PrefetchLimit < 1) problems.Add("Qdrant:PrefetchLimit must be at least 1.");
        if (!Enum.IsDefined(HybridFusion)) problems.Add("Qdrant:HybridFusion must be 'score' or 'rrf'.");
        if (!(DenseWeight is >= 0 and <= 1)) problems.Add("The dense weight of hybrid fusion (Store:DenseWeight) must be between 0 and 1.");
        return problems;
    }
}
