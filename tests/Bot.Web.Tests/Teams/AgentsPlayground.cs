using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Bot.Testing;

namespace Bot.Web.Tests.Teams;

/// <summary>
/// The Microsoft 365 Agents Playground (npm @microsoft/m365agentsplayground), the Teams test tool, as a child
/// process on a free loopback port: it plays Teams (its page) and the Bot Connector (its mocked connector at
/// /_connector, which the bot's replies go to), sends activities to the bot's endpoint, and needs no network.
/// </summary>
public sealed class AgentsPlayground : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output;

    private AgentsPlayground(Process process, StringBuilder output, Uri address) => (this.process, this.output, Address) = (process, output, address);

    /// <summary>The playground's page.</summary>
    public Uri Address { get; }

    /// <summary>What the playground printed, for failure messages.</summary>
    public string Output { get { lock (output) return output.ToString(); } }

    /// <summary>Starts the playground against <paramref name="botEndpoint"/> (…/api/messages) as the msteams channel; skips without node or the package.</summary>
    public static async Task<AgentsPlayground> StartAsync(Uri botEndpoint)
    {
        var node = NodeTools.RequireNode();
        var cli = Path.Combine(NodeTools.RequirePackage("@microsoft/m365agentsplayground"), "cli.js");
        var port = FreePort();
        var start = new ProcessStartInfo(node)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        // --service-url names the mocked connector by 127.0.0.1 (its default says localhost); --dt: no telemetry.
        foreach (var arg in new[] { cli, "-e", botEndpoint.ToString(), "-c", "msteams", "-p", $"{port}", "--su", $"http://127.0.0.1:{port}/_connector", "--dt" })
            start.ArgumentList.Add(arg);

        var output = new StringBuilder();
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        void Collect(string? line)
        {
            if (line is null) return;
            lock (output) output.AppendLine(line);
            if (line.Contains($"Listening on {port}", StringComparison.Ordinal)) listening.TrySetResult();
        }
        process.OutputDataReceived += (_, e) => Collect(e.Data);
        process.ErrorDataReceived += (_, e) => Collect(e.Data);
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException("The Agents Playground exited at start."));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var playground = new AgentsPlayground(process, output, new Uri($"http://127.0.0.1:{port}/"));
        try
        {
            await listening.Task.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException)
        {
            var printed = playground.Output;
            await playground.DisposeAsync();
            throw new InvalidOperationException($"The Agents Playground did not start: {e.Message}\n{printed}");
        }
        return playground;
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException)
        {
        }
        process.Dispose();
    }
}
