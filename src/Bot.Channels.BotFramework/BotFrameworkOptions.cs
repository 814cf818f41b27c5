namespace Bot.Channels.BotFramework;

/// <summary>
/// Behaviour of the Bot Framework channel (configuration section <c>BotFramework</c>).
/// The bot's identity lives at the configuration root instead: see <see cref="BotCredentials"/>.
/// </summary>
public sealed class BotFrameworkOptions
{
    public const string SectionName = "BotFramework";

    /// <summary>Entra ID login host for the client-credentials token (tests point it at a local server).</summary>
    public string TokenEndpointBaseUrl { get; set; } = "https://login.microsoftonline.com";
    /// <summary>OpenID metadata of the Bot Connector service, which signs the tokens channels send.</summary>
    public string BotConnectorOpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";
    /// <summary>OpenID metadata of Entra ID for single-tenant and Emulator tokens; <c>{tenant}</c> is replaced.</summary>
    public string EntraOpenIdMetadataUrl { get; set; } = "https://login.microsoftonline.com/{tenant}/v2.0/.well-known/openid-configuration";
    /// <summary>
    /// Managed identity token endpoint for <see cref="BotAppType.UserAssignedMSI"/>; unset: App Service's
    /// IDENTITY_ENDPOINT (with IDENTITY_HEADER) when present, else the Azure instance metadata service.
    /// </summary>
    public string? ManagedIdentityEndpoint { get; set; }
    /// <summary>Tolerated clock difference when checking token lifetimes.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Accept activities without a token when no MicrosoftAppId is configured, for local test tools (Agents
    /// Playground, Emulator). Refused at start outside the Development environment; even then only callers on
    /// this machine that came through no proxy (no forwarded-for header) are served.
    /// </summary>
    public bool AllowUnauthenticated { get; set; }
    /// <summary>
    /// Hosts the bot may send replies (and its token) to, as named by an activity's serviceUrl: exact host names
    /// or "*.domain" patterns; https only, except loopback hosts. Unset: the Bot Connector's and Teams' public and
    /// government hosts (<see cref="Authentication.ServiceUrlPolicy.DefaultHosts"/>). Setting it replaces that list.
    /// </summary>
    public string[]? AllowedServiceUrls { get; set; }

    /// <summary>Longest wait for one answer before the user gets an apology instead.</summary>
    public TimeSpan AnswerTimeout { get; set; } = TimeSpan.FromSeconds(60);
    /// <summary>Activities waiting to be answered; beyond this the endpoint answers 503 and the channel retries.</summary>
    public int QueueCapacity { get; set; } = 256;
    /// <summary>Activities answered at once (each conversation is still answered in order).</summary>
    public int Workers { get; set; } = 4;
    /// <summary>How long an activity id is remembered to drop channel retries of it.</summary>
    public TimeSpan DuplicateWindow { get; set; } = TimeSpan.FromMinutes(10);
    /// <summary>Most activity ids remembered at once.</summary>
    public int DuplicateCapacity { get; set; } = 10_000;

    /// <summary>Resend the typing indicator this often while an answer is being prepared.</summary>
    public TimeSpan TypingInterval { get; set; } = TimeSpan.FromSeconds(3);
    /// <summary>Stream answers in Teams 1:1 chats.</summary>
    public bool StreamingEnabled { get; set; } = true;
    /// <summary>Least time between two streaming updates (Teams throttles faster streams).</summary>
    public TimeSpan StreamingUpdateInterval { get; set; } = TimeSpan.FromSeconds(1.5);
    /// <summary>Teams ends a stream after two minutes; the bot finishes its stream before that.</summary>
    public TimeSpan MaxStreamingDuration { get; set; } = TimeSpan.FromSeconds(110);
    /// <summary>The informative update shown while the archive is searched.</summary>
    public string InformativeText { get; set; } = "Searching the news archive…";

    /// <summary>
    /// Size budget of one message in UTF-16 bytes, as Teams counts it (it refuses about 100 KB and advises
    /// staying under 80 KB); longer answers are cut to fit.
    /// </summary>
    public int MaxMessageBytes { get; set; } = Rendering.MessageSize.DefaultBudget;
    /// <summary>Offer up to three follow-up questions about the cited stories under each answer.</summary>
    public bool FollowUpsEnabled { get; set; } = true;
    /// <summary>The web chat, linked from answers cut for length (optional).</summary>
    public string? WebChatUrl { get; set; }

    /// <summary>Welcome a conversation once when the bot is installed in it (a card with <see cref="Greeting"/> and <see cref="WelcomePrompts"/>).</summary>
    public bool WelcomeEnabled { get; set; } = true;
    /// <summary>The welcome card's text.</summary>
    public string Greeting { get; set; } =
        "Hello! I answer questions about the news archive and cite the articles I use. Ask me anything, or start with one of these:";
    /// <summary>Example questions on the welcome card; each button asks its question. Unset: <see cref="DefaultWelcomePrompts"/>.</summary>
    public string[] WelcomePrompts { get; set; } = [];
    /// <summary>The welcome card's questions when <see cref="WelcomePrompts"/> is not configured (the manifest's prompt starters).</summary>
    public static readonly string[] DefaultWelcomePrompts = ["Who asked the US to arm drones?", "What happened at the G20 summit?"];
    /// <summary>How long the bot remembers which conversations it welcomed (in memory: a restart may welcome again).</summary>
    public TimeSpan GreetingMemory { get; set; } = TimeSpan.FromDays(30);
    /// <summary>Sent when a message holds no question (only an @mention, say).</summary>
    public string EmptyQuestionText { get; set; } = "Ask me a question about the news archive and I will answer with sources.";
    /// <summary>Sent when no answer could be produced in time or answering failed.</summary>
    public string ApologyText { get; set; } = "Sorry, I could not answer that in time. Please try again in a moment.";

    /// <summary>Attempts per outgoing request when the service answers 429 or 5xx.</summary>
    public int MaxSendAttempts { get; set; } = 4;
    /// <summary>First back-off when the service gives no Retry-After; doubles per attempt.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);
    /// <summary>Longest wait honoured from a Retry-After header.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);
}
