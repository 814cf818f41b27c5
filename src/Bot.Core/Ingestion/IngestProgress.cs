namespace Bot.Core.Ingestion;

public enum IngestStage { Reading, Indexing, Done }

/// <summary>
/// A progress report: during <see cref="IngestStage.Reading"/> only <see cref="Done"/> (articles read so far)
/// is known; during <see cref="IngestStage.Indexing"/> the total, rate and ETA are too.
/// </summary>
public sealed record IngestProgress(IngestStage Stage, int Done, int Total, int Chunks, int Problems, TimeSpan Elapsed)
{
    public double ArticlesPerSecond => Elapsed.TotalSeconds > 0 ? Done / Elapsed.TotalSeconds : 0;

    public TimeSpan? Eta => Stage == IngestStage.Indexing && Done > 0 && Total >= Done
        ? TimeSpan.FromSeconds((Total - Done) / ArticlesPerSecond)
        : null;
}
