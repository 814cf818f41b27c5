using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Bot.Benchmarks.Load;

/// <summary>
/// The real web host (Bot.Web, built beside the runner) in its own process on a free loopback port, with a
/// fresh archive: its memory is its own, apart from the load generator's.
/// </summary>
internal sealed partial class HostProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly string folder;

    private HostProcess(Process process, string folder, Uri address) => (this.process, this.folder, Address) = (process, folder, address);

    public Uri Address { get; }

    /// <summary>The host's resident memory now, in bytes (Linux /proc; 0 elsewhere).</summary>
    public long ResidentBytes
    {
        get
        {
            var status = $"/proc/{process.Id}/status";
            if (!File.Exists(status)) return 0;
            var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }
    }

    public static async Task<HostProcess> StartAsync(IReadOnlyDictionary<string, string> settings, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("bot-load-").FullName;
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "Bot.Web.exe" : "Bot.Web"))
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
            WorkingDirectory = folder,
        };
        start.Environment["Urls"] = "http://127.0.0.1:0";
        start.Environment["Store__DataDirectory"] = Path.Combine(folder, "data");
        start.Environment["Seeds__IngestWhenEmpty"] = "false";
        start.Environment["BotFramework__FeedbackFolder"] = Path.Combine(folder, "feedback");
        foreach (var (key, value) in settings) start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException("The host did not start.");
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(TimeSpan.FromSeconds(60));
        while (await process.StandardOutput.ReadLineAsync(limit.Token) is { } line)
        {
            if (Listening().Match(line) is not { Success: true } match) continue;
            // Keep draining its output so a chatty host never blocks on a full pipe.
            _ = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null, CancellationToken.None);
            return new HostProcess(process, folder, new Uri(match.Groups["url"].Value));
        }
        throw new InvalidOperationException("The host ended before it listened.");
    }

    /// <summary>Uploads <paramref name="jsonl"/> through POST /api/ingest and waits for the job to succeed.</summary>
    public async Task IngestAsync(string name, string jsonl, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = Address };
        using var form = new MultipartFormDataContent { { new StringContent(jsonl, Encoding.UTF8, "text/plain"), "files", name } };
        var job = JsonNode.Parse(await (await client.PostAsync("/api/ingest", form, cancellationToken)).Content.ReadAsStringAsync(cancellationToken))!;
        while (true)
        {
            var status = (await client.GetFromJsonAsync<JsonNode>($"/api/ingest/{job["id"]}", cancellationToken))!;
            switch ((string?)status["state"])
            {
                case "succeeded": return;
                case "failed": throw new InvalidOperationException($"Ingest failed: {status["error"]}");
            }
            await Task.Delay(100, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [GeneratedRegex(@"Now listening on: (?<url>http://\S+)")]
    private static partial Regex Listening();
}
