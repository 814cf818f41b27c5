namespace Bot.Hosting;

/// <summary>Which archive store to use (configuration section "Store").</summary>
public sealed class StoreOptions
{
    public const string SectionName = "Store";

    /// <summary>"sqlite" (embedded, default) or "qdrant".</summary>
    public string Provider { get; set; } = "sqlite";
}
