namespace Bot.Core.Ingestion;

/// <summary>The moments of an ingest at which a crash must lose nothing; see <see cref="IIngestMoments"/>.</summary>
public enum IngestMoment
{
    /// <summary>An article was read and normalised: parsing is under way, nothing of it is stored yet.</summary>
    ArticleRead,
    /// <summary>A batch's sentences go to the embedder.</summary>
    Embedding,
    /// <summary>Inside the store's transaction: every row of a batch written, the commit not yet made.</summary>
    Committing,
    /// <summary>A batch is committed and the next one not begun.</summary>
    BatchCommitted,
}

/// <summary>
/// Told when an ingest reaches each <see cref="IngestMoment"/>. Nothing is registered in normal use; the crash
/// tests register one (through the CLI's <c>BOT_TEST_PAUSE_AT</c>) that holds the process still at a chosen
/// moment so the test can kill it exactly there.
/// </summary>
public interface IIngestMoments
{
    void Reached(IngestMoment moment);
}
