using System.Text.RegularExpressions;
using Bot.Testing;
using Bot.Testing.Processes;

namespace Bot.Web.Tests.Hosting;

/// <summary>
/// The real web host as a child process, started like <c>dotnet run --project src/Bot.Web</c> starts it: the
/// built executable, run from another folder (the repository root there, a fresh folder here) holding no
/// appsettings.json, on a free loopback port, with its archive in that folder.
/// </summary>
public sealed partial class HostProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(90);
    private readonly ChildProcess process;
    private readonly TempDirectory folder;

    private HostProcess(ChildProcess process, TempDirectory folder, Uri address) => (this.process, this.folder, Address) = (process, folder, address);

    /// <summary>Where the host listens, read from its "Now listening on" line.</summary>
    public Uri Address { get; }

    public int ProcessId => process.Id;

    /// <summary>Everything the host wrote to stdout and stderr so far.</summary>
    public string Output => process.AllOutput;

    /// <param name="dataDirectory">The archive folder; a fresh one in the host's folder when null.</param>
    public static async Task<HostProcess> StartAsync(IReadOnlyDictionary<string, string> settings, string? dataDirectory = null)
    {
        var folder = new TempDirectory();
        var environment = new Dictionary<string, string>
        {
            ["Urls"] = "http://127.0.0.1:0",
            ["Store:DataDirectory"] = dataDirectory ?? Path.Combine(folder.Path, "data"),
            ["Seeds:Path"] = Path.Combine(SharedData.RepositoryRoot, "seeds"),
        };
        foreach (var (key, value) in settings) environment[key] = value;
        var process = new ChildProcess("Bot.Web", [], environment, folder.Path);
        var line = await process.WaitForLineAsync(l => Listening().IsMatch(l), StartLimit, TestContext.Current.CancellationToken);
        if (line is null)
        {
            var output = process.AllOutput;
            await process.DisposeAsync();
            folder.Dispose();
            throw new InvalidOperationException("The host ended before it listened: " + output);
        }
        return new HostProcess(process, folder, new Uri(Listening().Match(line).Groups["url"].Value));
    }

    /// <summary>Waits for a line holding <paramref name="text"/>: the console logger writes behind the requests it logs.</summary>
    public Task<string?> WaitForOutputAsync(string text, TimeSpan limit) =>
        process.WaitForLineAsync(line => line.Contains(text, StringComparison.Ordinal), limit, TestContext.Current.CancellationToken);

    public HttpClient Client() => new() { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(60) };

    public async ValueTask DisposeAsync()
    {
        await process.DisposeAsync();
        folder.Dispose();
    }

    [GeneratedRegex(@"Now listening on: (?<url>http://\S+)")]
    private static partial Regex Listening();
}
