namespace Bot.Testing;

/// <summary>
/// The npm packages tests drive (tests/tools/package.json: the Agents Playground, the Teams manifest schemas),
/// installed by .ci/run into tests/tools/node_modules, or where <c>BOT_NODE_TOOLS</c> points. Tests that need
/// them skip with the command that installs them when they, or node itself, are absent.
/// </summary>
public static class NodeTools
{
    public const string InstallCommand = "npm install --prefix tests/tools --no-package-lock";

    public static string Modules { get; } = Environment.GetEnvironmentVariable("BOT_NODE_TOOLS") is { Length: > 0 } configured
        ? Path.GetFullPath(configured)
        : Path.Combine(SharedData.RepositoryRoot, "tests", "tools", "node_modules");

    /// <summary>The folder of npm package <paramref name="name"/>, or skips the calling test.</summary>
    public static string RequirePackage(string name)
    {
        var folder = Path.Combine(Modules, name);
        if (!Directory.Exists(folder))
            Assert.Skip($"The npm package {name} is not installed under {Modules} (run: {InstallCommand}; .ci/run does).");
        return folder;
    }

    /// <summary>The node executable on PATH, or skips the calling test.</summary>
    public static string RequireNode()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, OperatingSystem.IsWindows() ? "node.exe" : "node");
            if (File.Exists(candidate)) return candidate;
        }
        Assert.Skip("node is not on PATH (install Node.js and npm, e.g. apt-get install -y nodejs npm).");
        return "";
    }
}
