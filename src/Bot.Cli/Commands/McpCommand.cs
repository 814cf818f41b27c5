using System.CommandLine;
using Bot.Mcp;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Bot.Cli.Commands;

public static class McpCommand
{
    public static Command Create(CliContext cli)
    {
        var command = new Command("mcp",
            "Serve the archive to AI assistants over MCP on stdin/stdout (tools search_archive, get_article, ask, list_sources; resources article://{id}). Logs go to stderr.");
        command.SetAction((parse, ct) => cli.RunAsync(parse, async (services, _) =>
        {
            // The server runs until the client closes stdin (or Ctrl+C), then the host stops.
            var host = services.GetRequiredService<IHost>();
            await host.StartAsync(ct);
            await host.WaitForShutdownAsync(ct);
            return 0;
        }, services: (collection, configuration) => collection.AddArchiveMcpServer(configuration).WithStdioServerTransport()));
        return command;
    }
}
