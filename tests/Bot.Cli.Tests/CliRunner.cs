using System.Text.Json;
using Bot.Testing;

namespace Bot.Cli.Tests;

/// <summary>Runs the real command tree in-process against a temporary archive, capturing what it prints.</summary>
internal sealed class CliRunner : IDisposable
{
    // The sources tests' news site runs on loopback, which fetches refuse unless the allow-list names it.
    static CliRunner() => Environment.SetEnvironmentVariable("Ingest__AllowedHosts__0", "127.0.0.1");

    private readonly TempDirectory folder = new();

    public string DataDirectory => folder.Path;

    /// <summary>Runs with <paramref name="input"/> as standard input.</summary>
    public async Task<(int Exit, string Output, string Error)> RunWithInputAsync(string input, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var cli = new CliContext { Input = new StringReader(input), Output = output, Error = error };
        var exit = await BotCli.RunAsync(cli, ["--data", DataDirectory, .. args], TestContext.Current.CancellationToken);
        return (exit, output.ToString(), error.ToString());
    }

    public Task<(int Exit, string Output, string Error)> RunAsync(params string[] args) => RunWithInputAsync("", args);

    public async Task<JsonElement> JsonAsync(params string[] args)
    {
        var (exit, output, error) = await RunAsync(args);
        Assert.True(exit == 0, $"exit {exit}: {error}");
        using var document = JsonDocument.Parse(output);
        return document.RootElement.Clone();
    }

    public async Task IngestSeedsAsync()
    {
        var (exit, _, error) = await RunAsync("ingest", Path.Combine(SharedData.RepositoryRoot, "seeds"), "--json");
        Assert.True(exit == 0, error);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        folder.Dispose();
    }
}
