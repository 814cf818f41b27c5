using System.Text.Json;
using Bot.Testing;
using Bot.Testing.Processes;

namespace Bot.Cli.Tests;

/// <summary>
/// Runs the real <c>bot</c> executable (built beside the tests) in a child process, configured only by
/// <paramref name="settings"/> (as environment variables, the way users configure it); see <see cref="ChildProcess"/>.
/// </summary>
internal sealed class BotProcess(IReadOnlyDictionary<string, string> settings) : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);

    // One working directory for every run, so a relative archive (the default ./data) is the same between runs.
    private readonly TempDirectory folder = new();

    public async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        await using var bot = new ChildProcess("bot", args, settings, folder.Path);
        var exit = await bot.WaitForExitAsync(Limit, TestContext.Current.CancellationToken);
        return (exit, bot.Output, bot.Error);
    }

    /// <summary>Runs a command that must succeed and parses what it printed (its --json output).</summary>
    public async Task<JsonElement> JsonAsync(params string[] args)
    {
        var (exit, output, error) = await RunAsync(args);
        Assert.True(exit == 0, $"bot {string.Join(' ', args)} exited {exit}: {error}");
        using var document = JsonDocument.Parse(output);
        return document.RootElement.Clone();
    }

    public void Dispose() => folder.Dispose();
}
