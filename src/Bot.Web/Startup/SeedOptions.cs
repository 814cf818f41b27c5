namespace Bot.Web.Startup;

/// <summary>The demo articles ingested on first start (configuration section "Seeds").</summary>
public sealed class SeedOptions
{
    /// <summary>Folder of seed articles; relative paths are looked up from the working directory, then above the app.</summary>
    public string Path { get; set; } = "seeds";

    /// <summary>Ingest the seeds when the archive is empty at start-up.</summary>
    public bool IngestWhenEmpty { get; set; } = true;
}
