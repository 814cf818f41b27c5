using System.CommandLine;
using Bot.Core.Retrieval;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Bot.Cli;

/// <summary>
/// What every command shares: the global options, building services, and turning failures into one-line
/// errors with a non-zero exit code instead of stack traces.
/// </summary>
public sealed class CliContext
{
    public Option<string?> Data { get; } = new("--data")
    {
        Description = "Archive folder (default ./data, or BOT_DATA)",
        Recursive = true,
    };

    public Option<bool> Verbose { get; } = new("--verbose")
    {
        Description = "Log what happens (to stderr)",
        Recursive = true,
    };

    public TextReader Input { get; init; } = Console.In;
    public TextWriter Output { get; init; } = Console.Out;
    public TextWriter Error { get; init; } = Console.Error;

    public static Option<bool> JsonOption(string description) => new("--json") { Description = description };

    /// <param name="services">Adds what only this command needs (the MCP server, say) to the shared services.</param>
    public Task<int> RunAsync(ParseResult parse, Func<IServiceProvider, TextWriter, Task<int>> action,
        IReadOnlyDictionary<string, string?>? overrides = null, Action<IServiceCollection, IConfiguration>? services = null) =>
        GuardAsync(async () =>
        {
            using var host = BuildHost(parse, overrides, services);
            return await action(host.Services, Output);
        });

    /// <summary>The services for the global options of <paramref name="parse"/>, with <paramref name="overrides"/> on top.</summary>
    public IHost BuildHost(ParseResult parse, IReadOnlyDictionary<string, string?>? overrides = null,
        Action<IServiceCollection, IConfiguration>? services = null) =>
        CliHost.Build(new GlobalOptions(parse.GetValue(Data), parse.GetValue(Verbose)), overrides, services);

    /// <summary>Runs a command's work, turning user-facing failures into one-line errors and an exit code.</summary>
    public async Task<int> GuardAsync(Func<Task<int>> action)
    {
        try
        {
            return await action();
        }
        catch (Exception e) when (IsUserFacing(e))
        {
            await Error.WriteLineAsync($"error: {e.Message}");
            return 1;
        }
        catch (OperationCanceledException)
        {
            await Error.WriteLineAsync("cancelled");
            return 130;
        }
    }

    private static bool IsUserFacing(Exception e) => e is ArchiveException or FileNotFoundException or DirectoryNotFoundException
        or InvalidDataException or ArgumentException or HttpRequestException or InvalidOperationException
        or Microsoft.Extensions.Options.OptionsValidationException or UnauthorizedAccessException or IOException;
}
