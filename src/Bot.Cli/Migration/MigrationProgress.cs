namespace Bot.Cli.Migration;

/// <summary>Articles done so far (copied or found already there) out of the source's total.</summary>
public sealed record MigrationProgress(int Done, long Total, int Copied, int Skipped, int Chunks, TimeSpan Elapsed)
{
    public double ArticlesPerSecond => Elapsed.TotalSeconds > 0 ? Done / Elapsed.TotalSeconds : 0;

    public TimeSpan? Eta => Done > 0 && Total >= Done ? TimeSpan.FromSeconds((Total - Done) / ArticlesPerSecond) : null;
}
