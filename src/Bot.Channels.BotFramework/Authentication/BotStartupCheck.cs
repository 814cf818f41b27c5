using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Channels.BotFramework.Authentication;

/// <summary>
/// Checks the bot's identity and authentication settings when the host starts, so a registration that cannot
/// work stops the start with the reason instead of failing on the first message (or, worse, silently using
/// another tenant).
/// </summary>
public sealed class BotStartupCheck(
    IOptions<BotCredentials> credentials,
    IOptions<BotFrameworkOptions> options,
    IHostEnvironment environment,
    ILogger<BotStartupCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var problem in Problems(credentials.Value, options.Value, environment))
            throw new InvalidOperationException(problem);

        var bot = credentials.Value;
        if (!bot.HasAppId)
        {
            if (options.Value.AllowUnauthenticated)
                logger.LogWarning("The Bot Framework endpoint accepts unauthenticated activities from this machine (BotFramework:AllowUnauthenticated, {Environment}).", environment.EnvironmentName);
            else
                logger.LogInformation("No MicrosoftAppId is configured: /api/messages refuses every activity until the bot's identity is set (deploy/teams/README.md).");
            return Task.CompletedTask;
        }
        if (options.Value.AllowUnauthenticated)
            logger.LogWarning("BotFramework:AllowUnauthenticated is ignored: a MicrosoftAppId is configured, so every activity needs a valid token.");
        if (bot.AppType == BotAppType.MultiTenant)
            logger.LogInformation("MicrosoftAppType is MultiTenant: existing multi-tenant registrations keep working, but Azure no longer creates new ones; use SingleTenant or UserAssignedMSI for a new bot.");
        logger.LogInformation("Bot Framework identity: app {AppId}, {Type}, tenant {Tenant}", bot.MicrosoftAppId, bot.AppType, bot.TokenTenant);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Every reason the configuration cannot work, in words that say what to set.</summary>
    public static IEnumerable<string> Problems(BotCredentials bot, BotFrameworkOptions options, IHostEnvironment environment)
    {
        if (!bot.HasAppId)
        {
            if (options.AllowUnauthenticated && !environment.IsDevelopment())
                yield return $"BotFramework:AllowUnauthenticated is for local testing in the Development environment only (this is {environment.EnvironmentName}); configure MicrosoftAppId instead.";
            yield break;
        }
        switch (bot.AppType)
        {
            case null:
                yield return $"MicrosoftAppType '{bot.MicrosoftAppType}' is not supported: use SingleTenant (the default), UserAssignedMSI or MultiTenant.";
                break;
            case BotAppType.SingleTenant or BotAppType.UserAssignedMSI when !bot.HasTenant:
                yield return $"MicrosoftAppType {bot.AppType} needs MicrosoftAppTenantId (the App Tenant ID shown in the Azure Bot resource's Configuration).";
                break;
            case BotAppType.SingleTenant or BotAppType.MultiTenant when string.IsNullOrWhiteSpace(bot.MicrosoftAppPassword):
                yield return $"MicrosoftAppType {bot.AppType} needs MicrosoftAppPassword (a client secret of the app registration).";
                break;
        }
    }
}
