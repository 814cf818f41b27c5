namespace Bot.Channels.BotFramework;

/// <summary>
/// The bot's Entra ID identity, read from the configuration root with the key names the Bot Framework samples
/// use (MicrosoftAppId, MicrosoftAppPassword, MicrosoftAppTenantId, MicrosoftAppType). Checked at start by
/// <see cref="Authentication.BotStartupCheck"/>. Without an app id the endpoint refuses activities unless
/// unauthenticated local testing is asked for (<see cref="BotFrameworkOptions.AllowUnauthenticated"/>).
/// </summary>
public sealed class BotCredentials
{
    public string? MicrosoftAppId { get; set; }
    public string? MicrosoftAppPassword { get; set; }
    public string? MicrosoftAppTenantId { get; set; }
    /// <summary>SingleTenant (the default), UserAssignedMSI, or MultiTenant for registrations made before new ones were stopped.</summary>
    public string? MicrosoftAppType { get; set; }

    public bool HasAppId => !string.IsNullOrWhiteSpace(MicrosoftAppId);

    public bool HasTenant => !string.IsNullOrWhiteSpace(MicrosoftAppTenantId);

    /// <summary>The registration type; null when <see cref="MicrosoftAppType"/> names none of the supported ones.</summary>
    public BotAppType? AppType =>
        string.IsNullOrWhiteSpace(MicrosoftAppType) ? BotAppType.SingleTenant
        : Enum.TryParse<BotAppType>(MicrosoftAppType.Trim(), ignoreCase: true, out var type) && Enum.IsDefined(type) ? type
        : null;

    /// <summary>The tenant that issues the bot's tokens: its own, or the Bot Framework tenant for a multi-tenant bot.</summary>
    public string TokenTenant => AppType == BotAppType.MultiTenant ? "botframework.com" : MicrosoftAppTenantId ?? "";

    /// <summary>The botframework.com tenant, which issues Emulator tokens for multi-tenant bots.</summary>
    public const string BotFrameworkTenantId = "d6d49420-f39b-4df7-a1dc-d59a935871db";

    /// <summary>Tenants whose Entra ID tokens may call the bot (Emulator, single-tenant channels).</summary>
    public IReadOnlyList<string> TrustedTenants =>
        new[] { MicrosoftAppTenantId, AppType == BotAppType.MultiTenant ? BotFrameworkTenantId : null }
            .Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t!).Distinct().ToList();
}

/// <summary>How the bot's Azure registration proves who it is.</summary>
public enum BotAppType
{
    /// <summary>An app registration in the bot's own tenant, with a client secret.</summary>
    SingleTenant,
    /// <summary>A user-assigned managed identity (MicrosoftAppId is its client id); tokens come from the managed identity endpoint.</summary>
    UserAssignedMSI,
    /// <summary>Legacy: Azure no longer creates multi-tenant bots, existing ones keep working.</summary>
    MultiTenant,
}
