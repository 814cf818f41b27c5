using System.Security.Claims;
using Bot.Web.Security;
using Microsoft.Extensions.Options;

namespace Bot.Web.Api;

public static class ApiEndpoints
{
    /// <summary>The REST API under /api, every endpoint behind an API key (reader or admin) and its rate limit.</summary>
    public static RouteGroupBuilder MapNewsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization(ApiSecurity.ReaderPolicy)
            .RequireRateLimiting(ApiRateLimiting.PolicyName).WithTags("Archive");
        api.MapGet("/me", (ClaimsPrincipal user, IOptions<ApiOptions> options) => new CallerInfo(
                user.Identity?.Name ?? "", user.FindFirstValue(ClaimTypes.Role) ?? "", options.Value.Keys.Count > 0))
            .WithSummary("Who the caller is and what role its key has");
        api.MapAsk();
        api.MapSearch();
        api.MapArticles();
        api.MapIngest();
        api.MapFeedback();
        api.MapSources();
        return api;
    }
}
