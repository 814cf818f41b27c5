namespace Bot.Core.Ingestion;

/// <summary>Ingest tuning (configuration section "Ingest", beside the reading limits).</summary>
public sealed class IngestOptions
{
    /// <summary>
    /// Articles chunked, embedded and committed together. Each batch is one transaction: an ingest killed half
    /// way keeps every finished batch, and running it again skips them as unchanged.
    /// </summary>
    public int BatchSize { get; set; } = 64;
}
