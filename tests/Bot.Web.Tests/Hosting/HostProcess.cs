using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Bot.Testing;

namespace Bot.Web.Tests.Hosting;

/// <summary>
/// The real web host as a child process, started like <c>dotnet run --project src/Bot.Web</c> starts it: the
/// built executable, run from another folder (the repository root there, a fresh folder here) holding no
/// appsettings.json. Configured only by environment variables; its console output is kept for the test.
/// </summary>
public sealed partial class HostProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(90);
    private readonly Process process;
    private readonly TempDirectory folder;
    private readonly ConcurrentQueue<string> lines = new();

    private HostProcess(Process process, TempDirectory folder) => (this.process, this.folder) = (process, folder);

    /// <summary>Where the host listens, read from its "Now listening on" line.</summary>
    public Uri Address { get; private set; } = new("http://127.0.0.1");

    public int ProcessId => process.Id;

    /// <summary>Everything the host wrote to stdout and stderr so far.</summary>
    public string Output => string.Join('\n', lines);

    public static async Task<HostProcess> StartAsync(IReadOnlyDictionary<string, string> settings)
    {
        var folder = new TempDirectory();
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "Bot.Web.exe" : "Bot.Web"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = folder.Path,
        };
        foreach (var name in start.Environment.Keys.Where(k => k.Contains("__", StringComparison.Ordinal) || k.StartsWith("BOT_", StringComparison.Ordinal) || k.StartsWith("ASPNETCORE_", StringComparison.Ordinal)).ToList())
            start.Environment.Remove(name);
        start.Environment["HOME"] = folder.Path; // no user secrets, no profile
        start.Environment["Urls"] = "http://127.0.0.1:0";
        start.Environment["Store__DataDirectory"] = Path.Combine(folder.Path, "data");
        start.Environment["Seeds__Path"] = Path.Combine(SharedData.RepositoryRoot, "seeds");
        foreach (var (key, value) in settings) start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;

        var process = Process.Start(start)!;
        var host = new HostProcess(process, folder);
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Keep(string? line)
        {
            if (line is null) return;
            host.lines.Enqueue(line);
            if (Listening().Match(line) is { Success: true } match) listening.TrySetResult(new Uri(match.Groups["url"].Value));
        }
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            host.Address = await listening.Task.WaitAsync(StartLimit, TestContext.Current.CancellationToken);
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    public HttpClient Client() => new() { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(60) };

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
        }
        process.Dispose();
        folder.Dispose();
    }

    [GeneratedRegex(@"Now listening on: (?<url>http://\S+)")]
    private static partial Regex Listening();
}
