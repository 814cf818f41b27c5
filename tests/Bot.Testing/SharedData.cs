namespace Bot.Testing;

/// <summary>
/// Finds the data shared beside the project (datasets, models, the Qdrant spec): <c>BOT_SHARED_DIR</c>,
/// else <c>../shared</c> next to the repository. Tests that need it skip with a clear message when absent.
/// </summary>
public static class SharedData
{
    public static string? Root { get; } = Locate();

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>The full path of <paramref name="relative"/> under the shared folder, or skips the calling test.</summary>
    public static string Require(string relative)
    {
        if (Root is null)
            Assert.Skip("Shared data not found: set BOT_SHARED_DIR or place it at ../shared beside the repository.");
        var path = Path.Combine(Root, relative);
        if (!File.Exists(path) && !Directory.Exists(path))
            Assert.Skip($"Shared data '{relative}' is absent under {Root}.");
        return path;
    }

    public static string UseLiteModel => Require("models/use-lite");
    public static string SquadHalf => Require("datasets/squad-v2-dev-half/dev-v2.0.cs224n-half.json");
    public static string IsotSample => Require("datasets/isot-true-sample");
    public static string QdrantDescriptors => Require("qdrant/qdrant-v1.19.0.pb");

    private static string? Locate()
    {
        var configured = Environment.GetEnvironmentVariable("BOT_SHARED_DIR");
        if (!string.IsNullOrWhiteSpace(configured))
            return Directory.Exists(configured) ? Path.GetFullPath(configured) : null;
        var beside = Path.GetFullPath(Path.Combine(FindRepositoryRoot(), "..", "shared"));
        return Directory.Exists(beside) ? beside : null;
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Bot.sln")))
                return dir.FullName;
        throw new InvalidOperationException("Bot.sln not found above " + AppContext.BaseDirectory);
    }
}
