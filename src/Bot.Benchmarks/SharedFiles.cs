namespace Bot.Benchmarks;

/// <summary>Finds the shared datasets and models (BOT_SHARED_DIR, else ../shared beside the repository).</summary>
public static class SharedFiles
{
    public static string? Root { get; } = Locate();

    public static string? Find(string relative) =>
        Root is not null && Path.Combine(Root, relative) is var path && (File.Exists(path) || Directory.Exists(path)) ? path : null;

    public static string? EmbeddingModel => Environment.GetEnvironmentVariable("BOT_EMBEDDINGS_MODEL") is { Length: > 0 } model ? model : null;

    private static string? Locate()
    {
        if (Environment.GetEnvironmentVariable("BOT_SHARED_DIR") is { Length: > 0 } configured)
            return Directory.Exists(configured) ? configured : null;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Bot.sln")))
                return Directory.Exists(Path.Combine(dir.FullName, "..", "shared")) ? Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared")) : null;
        return null;
    }
}
