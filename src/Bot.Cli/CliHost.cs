using Bot.Cli.Diagnostics;
using Bot.Core.Ingestion;
using Bot.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bot.Cli;

/// <summary>Builds the services a command needs from appsettings.json, user secrets, the environment and the global options.</summary>
public static class CliHost
{
    public static IHost Build(GlobalOptions global, IReadOnlyDictionary<string, string?>? overrides = null,
        Action<IServiceCollection, IConfiguration>? services = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = Directory.GetCurrentDirectory() });
        builder.Configuration
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
            .AddUserSecrets(typeof(CliHost).Assembly, optional: true)
            .AddEnvironmentVariables()
            .AddBotEnvironmentAliases();
        if (global.DataDirectory is { } data)
            builder.Configuration.AddInMemoryCollection([new(BotConfiguration.DataDirectoryKey, data)]);
        if (overrides is not null)
            builder.Configuration.AddInMemoryCollection(overrides);

        // Logs go to stderr so stdout stays clean for --json; warnings only unless --verbose.
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(global.Verbose ? LogLevel.Information : LogLevel.Error);

        builder.Services.AddNewsBot(builder.Configuration);
        if (PauseAtMoment.FromEnvironment(Console.Error) is { } pause) builder.Services.AddSingleton<IIngestMoments>(pause);
        services?.Invoke(builder.Services, builder.Configuration);
        return builder.Build();
    }
}

/// <summary>Options every command accepts.</summary>
public sealed record GlobalOptions(string? DataDirectory, bool Verbose);
