using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Bot.Web.Startup;

/// <summary>
/// /health as plain text: the overall status ("Healthy" and nothing else when all is well), then a line per check
/// that is not healthy, saying why (e.g. which sources keep failing).
/// </summary>
public static class HealthText
{
    public static Task WriteAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "text/plain; charset=utf-8";
        var lines = report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy)
            .Select(e => $"\n{e.Key}: {e.Value.Status}: {e.Value.Description ?? e.Value.Exception?.Message}");
        return http.Response.WriteAsync(report.Status + string.Concat(lines), http.RequestAborted);
    }
}
