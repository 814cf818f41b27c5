using Bot.Core.Retrieval;
using Bot.Storage.Qdrant.Reading;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Qdrant.Client.Grpc;

namespace Bot.Storage.Qdrant;

/// <summary>
/// Readiness of the Qdrant store. The gRPC API has no <c>/readyz</c>, so: the server's health check answers and the
/// collection's status is green (yellow and grey, optimising or about to, still serve and report degraded; red,
/// a failed optimisation, is unhealthy).
/// </summary>
internal sealed class QdrantHealthCheck(QdrantArchiveStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var (version, status) = await store.CheckHealthAsync(cancellationToken);
            var data = new Dictionary<string, object> { ["version"] = version, ["status"] = StatsReader.Status(status) };
            var description = $"{store.Description}: Qdrant {version}, collection {StatsReader.Status(status)}";
            return status switch
            {
                CollectionStatus.Green => HealthCheckResult.Healthy(description, data),
                CollectionStatus.Yellow or CollectionStatus.Grey => HealthCheckResult.Degraded(description, data: data),
                _ => HealthCheckResult.Unhealthy(description, data: data),
            };
        }
        catch (ArchiveException e)
        {
            return HealthCheckResult.Unhealthy($"{store.Description}: {e.Message}", e);
        }
    }
}
