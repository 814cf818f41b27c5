using System.Text.Json;
using System.Text.Json.Serialization;
using Bot.Channels.BotFramework;
using Bot.Core;
using Bot.Hosting;
using Bot.Mcp;
using Bot.Web.Api;
using Bot.Web.Ingestion;
using Bot.Web.Security;
using Bot.Web.Sources;
using Bot.Web.Startup;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using OpenTelemetry.Trace;
using Scalar.AspNetCore;

namespace Bot.Web;

/// <summary>
/// The whole host, composed from command-line arguments and configuration: Program runs it, and tests start
/// the very same application on a free loopback port.
/// </summary>
public static class BotWebApp
{
    /// <param name="configure">Last changes to the services before the host is built (tests swap the clock).</param>
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            // appsettings.json and the page ship in the build output, so they are found whatever the working
            // directory (`dotnet run --project src/Bot.Web` runs in the repository root).
            ContentRootPath = AppContext.BaseDirectory,
            WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
        });
        builder.Configuration.AddUserSecrets<Program>(optional: true).AddBotEnvironmentAliases();

        builder.Services.AddNewsBot(builder.Configuration);
        builder.Services.AddBotFramework(builder.Configuration);
        builder.Services.AddApiKeySecurity(builder.Configuration);
        builder.Services.AddApiRateLimiting(builder.Configuration);
        builder.Services.AddArchiveDataProtection(builder.Configuration);
        // Request lines carry query strings (a search's question): kept out of Information-level logs.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        // Stateless: every MCP request stands alone (tool calls and reads need no session), so any instance can serve it.
        builder.Services.AddArchiveMcpServer(builder.Configuration).WithHttpTransport(mcp => mcp.Stateless = true);
        builder.Services.AddProblemDetails();
        // Enums travel as words ("lexical", "running"), the form the API documents and callers compare against.
        builder.Services.ConfigureHttpJsonOptions(json =>
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)));
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        // Unreadable bodies and parameters become exceptions, so their problem details say what was wrong.
        builder.Services.Configure<RouteHandlerOptions>(routes => routes.ThrowOnBadRequest = true);
        builder.Services.AddOpenApi();
        builder.Services.AddOptions<SeedOptions>().Bind(builder.Configuration.GetSection("Seeds"));
        builder.Services.AddHostedService<SeedIngestion>();
        builder.Services.AddSingleton<IngestJobs>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<IngestJobs>());
        builder.Services.AddSingleton<SourceSyncService>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SourceSyncService>());
        builder.Services.AddHealthChecks().AddCheck<ArchiveHealthCheck>("archive", tags: ["ready"])
            .AddCheck<SourcesHealthCheck>("sources");
        builder.Services.AddOpenTelemetry().WithTracing(tracing =>
        {
            tracing.AddSource(BotTelemetry.SourceName).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation();
            if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"])) tracing.AddOtlpExporter();
        });
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Limits.MaxRequestBodySize = builder.Configuration.GetValue<long?>("Api:MaxRequestBytes") ?? new ApiOptions().MaxRequestBytes);

        configure?.Invoke(builder);
        var app = builder.Build();
        app.UseMiddleware<SecurityHeaders>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();

        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference("/api/docs").AllowAnonymous();
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthText.WriteAsync }).AllowAnonymous();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") }).AllowAnonymous();
        app.MapBotFramework("/api/messages").AllowAnonymous();
        app.MapNewsApi();
        app.MapMcp("/mcp").RequireAuthorization(ApiSecurity.ReaderPolicy).RequireRateLimiting(ApiRateLimiting.PolicyName);
        return app;
    }
}
