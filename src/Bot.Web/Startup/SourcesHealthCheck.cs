using Bot.Core.Sources;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Bot.Web.Startup;

/// <summary>Degraded while a source has failed <see cref="SourceSyncOptions.FailingAfter"/> syncs in a row; the description names them and why.</summary>
public sealed class SourcesHealthCheck(SourceCatalog catalog, IOptions<SourceSyncOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var sources = await catalog.ListAsync(cancellationToken);
        var failing = sources.Where(s => s.State.ConsecutiveFailures >= options.Value.FailingAfter).ToList();
        if (failing.Count == 0) return HealthCheckResult.Healthy($"{sources.Count} sources");
        var names = string.Join("; ", failing.Select(s => $"'{s.Definition.Name}' failed {s.State.ConsecutiveFailures} syncs in a row: {s.State.LastError}"));
        return HealthCheckResult.Degraded($"sources failing: {names}",
            data: failing.ToDictionary(s => s.Definition.Name, s => (object)(s.State.LastError ?? "")));
    }
}
