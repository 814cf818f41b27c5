namespace Bot.Benchmarks;

/// <summary>Finds the shared datasets and models (BOT_SHARED_DIR, else ../shared beside the repository), and the repository's own files.</summary>
public static class SharedFiles
{
    /// <summary>The folder holding Bot.sln, found upwards from the benchmark's binaries (declared first: <see cref="Root"/> needs it).</summary>
    private static readonly string? RepositoryRoot = FindRepository();

    public static string? Root { get; } = Locate();

    /// <summary>A dataset or model under the shared folder, or null when absent.</summary>
    public static string? Find(string relative) => Existing(Root, relative);

    /// <summary>A file or folder of the repository ("eval/news-questions.jsonl", "seeds"), or null when absent.</summary>
    public static string? Repository(string relative) => Existing(RepositoryRoot, relative);

    public static string? EmbeddingModel => Environment.GetEnvironmentVariable("BOT_EMBEDDINGS_MODEL") is { Length: > 0 } model ? model : null;

    private static string? Existing(string? root, string relative) =>
        root is not null && Path.Combine(root, relative) is var path && (File.Exists(path) || Directory.Exists(path)) ? path : null;

    private static string? Locate()
    {
        if (Environment.GetEnvironmentVariable("BOT_SHARED_DIR") is { Length: > 0 } configured)
            return Directory.Exists(configured) ? configured : null;
        return Existing(RepositoryRoot, Path.Combine("..", "shared")) is { } shared ? Path.GetFullPath(shared) : null;
    }

    private static string? FindRepository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Bot.sln"))) return dir.FullName;
        return null;
    }
}
