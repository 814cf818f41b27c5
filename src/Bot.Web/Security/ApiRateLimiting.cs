using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Bot.Web.Security;

/// <summary>Requests one API key may make (configuration section "Api:RateLimit").</summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "Api:RateLimit";

    /// <summary>Sustained requests a minute per key (default 600, ten a second).</summary>
    public int PermitsPerMinute { get; set; } = 600;

    /// <summary>Requests a key may make at once before the sustained rate applies (default 120).</summary>
    public int Burst { get; set; } = 120;
}

/// <summary>
/// Per-key rate limiting with ASP.NET Core's rate limiter, so one desk's script cannot starve the others: each
/// caller (the API key's name; callers without a key by address) has its own token bucket. Without configured
/// keys (local use) nothing is limited. A refused request gets 429 with Retry-After, as problem details.
/// Endpoints opt in with <c>.RequireRateLimiting(ApiRateLimiting.PolicyName)</c>: the REST API and MCP do,
/// and share one bucket per key, so a desk cannot double its rate by switching protocol.
/// </summary>
public static class ApiRateLimiting
{
    public const string PolicyName = "per-api-key";

    public static IServiceCollection AddApiRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(RateLimitOptions.SectionName).Get<RateLimitOptions>() ?? new RateLimitOptions();
        if (options.PermitsPerMinute < 1 || options.Burst < 1)
            throw new InvalidOperationException($"{RateLimitOptions.SectionName}:PermitsPerMinute and :Burst must be at least 1.");
        return services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(PolicyName, http => KeysConfigured(http)
                ? RateLimitPartition.GetTokenBucketLimiter(Caller(http), _ => Bucket(options))
                : RateLimitPartition.GetNoLimiter("local"));
            limiter.OnRejected = RejectAsync;
        });
    }

    /// <summary>Without keys only this machine is served (see <see cref="ApiOptions.Keys"/>): there are no desks to keep apart.</summary>
    private static bool KeysConfigured(HttpContext http) =>
        http.RequestServices.GetRequiredService<IOptionsMonitor<ApiOptions>>().CurrentValue.Keys.Count > 0;

    /// <summary>The partition: the authenticated caller's name, or the address of a caller without one.</summary>
    private static string Caller(HttpContext http) =>
        http.User.Identity is { IsAuthenticated: true, Name: { } name } ? "key:" + name : "ip:" + http.Connection.RemoteIpAddress;

    // Refilled every second rather than once a minute, so a caller over its rate waits seconds, not a minute.
    private static TokenBucketRateLimiterOptions Bucket(RateLimitOptions options) => new()
    {
        TokenLimit = options.Burst,
        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
        TokensPerPeriod = Math.Max(1, options.PermitsPerMinute / 60),
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var http = rejected.HttpContext;
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var who = http.User.FindFirstValue(ClaimTypes.Name) is { } name ? $"The key '{name}'" : "This caller";
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = $"{who} is over its request rate; retry after {seconds} s.",
                Extensions = { ["retryAfterSeconds"] = seconds },
            },
        });
    }
}
