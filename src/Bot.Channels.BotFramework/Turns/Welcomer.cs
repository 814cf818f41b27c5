using Bot.Channels.BotFramework.Connector;
using Bot.Channels.BotFramework.Inbound;
using Bot.Channels.BotFramework.Rendering;
using Bot.Channels.BotFramework.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Channels.BotFramework.Turns;

/// <summary>
/// Welcomes a conversation once, when the bot is installed in it: an installationUpdate "add", or a
/// conversationUpdate that adds the bot itself (Teams may send both). People who join a team or chat later
/// are not greeted: in a team that would post in General for everyone to see, once per newcomer.
/// </summary>
public sealed class Welcomer(ConnectorClient connector, IOptions<BotFrameworkOptions> options, TimeProvider time, ILogger<Welcomer> logger)
{
    private readonly BotFrameworkOptions _options = options.Value;
    private readonly RecentKeys _welcomed = new(options.Value.GreetingMemory, options.Value.DuplicateCapacity, time);

    public static bool IsInstallation(Activity activity) => activity.Type switch
    {
        ActivityTypes.InstallationUpdate => activity.Action?.StartsWith("add", StringComparison.OrdinalIgnoreCase) == true,
        ActivityTypes.ConversationUpdate => (activity.MembersAdded ?? []).Any(m => !string.IsNullOrEmpty(m.Id) && m.Id == activity.Recipient?.Id),
        _ => false,
    };

    public async Task WelcomeAsync(Activity activity, CancellationToken cancellationToken)
    {
        var conversationId = activity.Conversation?.Id ?? "";
        if (!_options.WelcomeEnabled || !IsInstallation(activity) || !_welcomed.TryAdd(conversationId)) return;

        var reference = activity.GetConversationReference() with { ActivityId = null };
        try
        {
            await connector.SendToConversationAsync(reference, WelcomeCard.Render(reference, _options), cancellationToken);
        }
        catch
        {
            _welcomed.Remove(conversationId); // not welcomed after all: the next installation event may try again
            throw;
        }
        logger.LogInformation("Welcomed conversation {Conversation} ({Type})", conversationId, activity.Conversation?.ConversationType ?? "unknown type");
    }
}
