using Bot.Core.Retrieval;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Bot.Web.Startup;

/// <summary>Ready when the archive store answers (the SQLite file opens, or Qdrant responds).</summary>
public sealed class ArchiveHealthCheck(IArchiveStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var stats = await store.GetStatsAsync(cancellationToken);
            return HealthCheckResult.Healthy(store.Description, new Dictionary<string, object>
            {
                ["articles"] = stats.Articles,
                ["chunks"] = stats.Chunks,
            });
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"{store.Description}: {e.Message}");
        }
    }
}
