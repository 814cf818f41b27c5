using Microsoft.AspNetCore.Authentication;

namespace Bot.Web.Security;

public static class ApiSecurity
{
    public const string ReaderPolicy = "api-reader";
    public const string AdminPolicy = "api-admin";

    public static IServiceCollection AddApiKeySecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ApiOptions>().Bind(configuration.GetSection(ApiOptions.SectionName));
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(ReaderPolicy, p => p.RequireRole(ApiRoles.Reader, ApiRoles.Admin))
            .AddPolicy(AdminPolicy, p => p.RequireRole(ApiRoles.Admin));
        return services;
    }
}
