namespace Bot.Core.Sources;

/// <summary>How sources are synced (configuration section <c>SourceSync</c>; the sources themselves are the <c>Sources</c> list).</summary>
public sealed class SourceSyncOptions
{
    public const string SectionName = "SourceSync";
    public const string SourcesSectionName = "Sources";

    /// <summary>Whether the web host syncs sources on their schedule (default true).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Each wait between syncs is the interval give or take this share of it (default 0.1), so sources spread out.</summary>
    public double Jitter { get; set; } = 0.1;

    /// <summary>Sources synced at once by the web host (default 2); each source is only ever synced once at a time.</summary>
    public int Concurrency { get; set; } = 2;

    /// <summary>Failed syncs in a row after which /health reports the source as failing (default 3).</summary>
    public int FailingAfter { get; set; } = 3;

    public TimeSpan DefaultInterval { get; set; } = TimeSpan.FromHours(1);
    public TimeSpan MinInterval { get; set; } = TimeSpan.FromMinutes(1);
    public int DefaultMaxItems { get; set; } = 200;

    /// <summary>The <c>Sources</c> list from configuration.</summary>
    public List<SourceDeclaration> Declared { get; set; } = [];

    public void Validate()
    {
        if (Jitter is < 0 or > 0.5) throw new ArgumentException("SourceSync:Jitter must be between 0 and 0.5.");
        if (Concurrency is < 1 or > 16) throw new ArgumentException("SourceSync:Concurrency must be between 1 and 16.");
        if (FailingAfter < 1) throw new ArgumentException("SourceSync:FailingAfter must be at least 1.");
    }
}
