using System.Collections.Concurrent;
using System.Diagnostics;

namespace Bot.Testing.Processes;

/// <summary>
/// One of the product's executables (built beside the tests) in a child process, configured only by the given
/// environment variables: inherited bot settings (<c>Section__Key</c>, <c>BOT_*</c>, <c>ASPNETCORE_*</c>) are
/// dropped and home is a fresh folder, so nothing of the machine leaks in. Its output is kept line by line.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly TempDirectory home = new();
    private readonly ConcurrentQueue<string> output = new();
    private readonly ConcurrentQueue<string> error = new();
    private readonly ConcurrentQueue<string> all = new();
    private readonly SemaphoreSlim lineArrived = new(0);
    private readonly TaskCompletionSource outputClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource errorClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <param name="executable">The apphost's name without extension ("bot", "Bot.Web").</param>
    /// <param name="workingDirectory">Where it runs; the fresh home folder when null.</param>
    public ChildProcess(string executable, IEnumerable<string> args, IReadOnlyDictionary<string, string> environment, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? executable + ".exe" : executable))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? home.Path,
        };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var name in start.Environment.Keys.Where(IsBotSetting).ToList()) start.Environment.Remove(name);
        start.Environment["HOME"] = start.Environment["APPDATA"] = home.Path; // no user secrets, no profile
        foreach (var (key, value) in environment) start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;

        process = Process.Start(start) ?? throw new InvalidOperationException($"{executable} did not start");
        process.OutputDataReceived += (_, e) => Keep(e.Data, output, outputClosed);
        process.ErrorDataReceived += (_, e) => Keep(e.Data, error, errorClosed);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Id => process.Id;

    public string Output => string.Join('\n', output);

    public string Error => string.Join('\n', error);

    /// <summary>Both streams interleaved as they arrived.</summary>
    public string AllOutput => string.Join('\n', all);

    public bool HasExited => process.HasExited;

    /// <summary>The first line (on either stream) that <paramref name="match"/> accepts; null when the process ends first.</summary>
    public async Task<string?> WaitForLineAsync(Func<string, bool> match, TimeSpan limit, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limit);
        var checkedLines = 0;
        while (true)
        {
            var lines = all.ToArray();
            for (; checkedLines < lines.Length; checkedLines++)
                if (match(lines[checkedLines])) return lines[checkedLines];
            if (outputClosed.Task.IsCompleted && errorClosed.Task.IsCompleted && all.Count == checkedLines) return null;
            await lineArrived.WaitAsync(TimeSpan.FromMilliseconds(200), timeout.Token);
        }
    }

    /// <summary>Waits for the process to end on its own and for all its output; kills it past <paramref name="limit"/>.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan limit, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
            await Task.WhenAll(outputClosed.Task, errorClosed.Task).WaitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
            throw;
        }
        return process.ExitCode;
    }

    /// <summary>SIGKILL on Linux: the process gets no chance to finish anything.</summary>
    public void Kill()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        process.Dispose();
        home.Dispose();
        return ValueTask.CompletedTask;
    }

    private void Keep(string? line, ConcurrentQueue<string> stream, TaskCompletionSource closed)
    {
        if (line is null)
        {
            closed.TrySetResult();
        }
        else
        {
            stream.Enqueue(line);
            all.Enqueue(line);
        }
        lineArrived.Release();
    }

    private static bool IsBotSetting(string name) =>
        name.Contains("__", StringComparison.Ordinal) || name.StartsWith("BOT_", StringComparison.Ordinal) || name.StartsWith("ASPNETCORE_", StringComparison.Ordinal);
}
