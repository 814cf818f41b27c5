using System.Diagnostics;
using System.Globalization;
using System.Reflection;

namespace Bot.Benchmarks.Qdrant;

/// <summary>
/// A <see cref="GrpcSink"/> in a child process (this executable with <see cref="Flag"/>), so the
/// benchmark's own process CPU time is the client's alone. Line protocol over the child's stdin/stdout:
/// it prints <c>url ...</c> once listening, answers <c>stats</c> with <c>stats calls bytes cpu-ms</c>,
/// and exits when its stdin closes.
/// </summary>
internal sealed class SinkProcess : IAsyncDisposable
{
    public const string Flag = "--qdrant-sink";
    private readonly Process process;

    private SinkProcess(Process process, Uri url)
    {
        this.process = process;
        Url = url;
    }

    public Uri Url { get; }

    public static async Task<SinkProcess> StartAsync(int dimensions)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("No process path.");
        var start = new ProcessStartInfo(self) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet") start.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        start.ArgumentList.Add(Flag);
        start.ArgumentList.Add(dimensions.ToString(CultureInfo.InvariantCulture));
        var process = Process.Start(start)!;
        var line = await process.StandardOutput.ReadLineAsync() ?? throw new InvalidOperationException("The sink process did not start.");
        return new SinkProcess(process, new Uri(line["url ".Length..]));
    }

    public async Task<(int Requests, long Bytes, TimeSpan Cpu)> StatsAsync()
    {
        await process.StandardInput.WriteLineAsync("stats");
        await process.StandardInput.FlushAsync();
        var parts = (await process.StandardOutput.ReadLineAsync())!.Split(' ');
        return (int.Parse(parts[1], CultureInfo.InvariantCulture), long.Parse(parts[2], CultureInfo.InvariantCulture),
            TimeSpan.FromMilliseconds(double.Parse(parts[3], CultureInfo.InvariantCulture)));
    }

    /// <summary>The child's side: serve until stdin closes.</summary>
    public static async Task<int> ServeAsync(string[] args)
    {
        await using var sink = new GrpcSink(int.Parse(args[1], CultureInfo.InvariantCulture));
        Console.WriteLine($"url {sink.Url}");
        while (await Console.In.ReadLineAsync() is { } command)
        {
            if (command != "stats") continue;
            var cpu = Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"stats {sink.Calls} {sink.BytesReceived} {cpu:F0}"));
        }
        return 0;
    }

    public async ValueTask DisposeAsync()
    {
        process.StandardInput.Close();
        await process.WaitForExitAsync();
        process.Dispose();
    }
}
