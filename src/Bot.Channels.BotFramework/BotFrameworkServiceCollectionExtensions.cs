using Bot.Channels.BotFramework.Authentication;
using Bot.Channels.BotFramework.Connector;
using Bot.Channels.BotFramework.FeedbackLoop;
using Bot.Channels.BotFramework.Inbound;
using Bot.Channels.BotFramework.Rendering;
using Bot.Channels.BotFramework.Turns;
using Bot.Core.Answering;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bot.Channels.BotFramework;

public static class BotFrameworkServiceCollectionExtensions
{
    internal const string HttpClientName = "BotFramework";

    /// <summary>
    /// The Bot Framework channel: credentials from the configuration root (MicrosoftAppId...), behaviour from
    /// the <c>BotFramework</c> section. The host registers <see cref="IAskService"/> and <see cref="IFeedbackStore"/>.
    /// </summary>
    public static IServiceCollection AddBotFramework(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<BotCredentials>(configuration);
        services.Configure<BotFrameworkOptions>(configuration.GetSection(BotFrameworkOptions.SectionName));
        services.AddHttpClient(HttpClientName);
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton<RetryingSender>();
        services.AddSingleton<BotTokenProvider>();
        services.AddSingleton<ConnectorClient>();
        services.AddSingleton<ActivityAuthenticator>();
        services.AddSingleton<ServiceUrlPolicy>();
        services.AddSingleton<AnswerRenderer>();
        services.AddSingleton<AnsweredMessages>();
        services.AddSingleton<QuestionAnswerer>();
        services.AddSingleton<Welcomer>();
        services.AddSingleton<TurnDispatcher>();
        services.AddSingleton<TurnQueue>();
        services.AddSingleton<ActivityEndpoint>();
        services.AddHostedService<BotStartupCheck>();
        services.AddHostedService<TurnWorker>();
        return services;
    }
}
