using Bot.Core.Retrieval;

namespace Bot.Cli.Migration;

/// <summary>What a migration did: articles copied, articles the target already held (an earlier run's), chunks and vectors sent.</summary>
public sealed record MigrationReport(string Source, string Target, EmbeddingSpace? Space, int Copied, int Skipped, int Chunks, int Vectors, TimeSpan Elapsed)
{
    public int Articles => Copied + Skipped;
}
