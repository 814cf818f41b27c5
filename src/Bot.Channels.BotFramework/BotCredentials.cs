namespace Bot.Channels.BotFramework;

/// <summary>
/// The bot's Entra ID app registration, read from the configuration root with the key names the
/// Bot Framework samples use (MicrosoftAppId, MicrosoftAppPassword, MicrosoftAppTenantId, MicrosoftAppType).
/// Without an app id the bot runs unauthenticated for the Emulator and local test tools.
/// </summary>
public sealed class BotCredentials
{
    public string? MicrosoftAppId { get; set; }
    public string? MicrosoftAppPassword { get; set; }
    public string? MicrosoftAppTenantId { get; set; }
    /// <summary>SingleTenant or MultiTenant (default).</summary>
    public string? MicrosoftAppType { get; set; }

    public bool HasAppId => !string.IsNullOrWhiteSpace(MicrosoftAppId);

    public bool IsSingleTenant =>
        string.Equals(MicrosoftAppType, "SingleTenant", StringComparison.OrdinalIgnoreCase);

    /// <summary>The tenant that issues the bot's tokens: its own when single-tenant, else the Bot Framework tenant.</summary>
    public string TokenTenant =>
        IsSingleTenant && !string.IsNullOrWhiteSpace(MicrosoftAppTenantId) ? MicrosoftAppTenantId! : "botframework.com";

    /// <summary>The botframework.com tenant, which issues Emulator tokens for multi-tenant bots.</summary>
    public const string BotFrameworkTenantId = "d6d49420-f39b-4df7-a1dc-d59a935871db";

    /// <summary>Tenants whose Entra ID tokens may call the bot (Emulator, single-tenant channels).</summary>
    public IReadOnlyList<string> TrustedTenants =>
        new[] { MicrosoftAppTenantId, IsSingleTenant ? null : BotFrameworkTenantId }
            .Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t!).Distinct().ToList();
}
