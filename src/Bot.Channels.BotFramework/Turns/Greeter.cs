using Bot.Channels.BotFramework.Connector;
using Bot.Channels.BotFramework.Inbound;
using Bot.Channels.BotFramework.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Channels.BotFramework.Turns;

/// <summary>Welcomes people who join a conversation with the bot, once per conversation and member.</summary>
public sealed class Greeter(ConnectorClient connector, IOptions<BotFrameworkOptions> options, TimeProvider time, ILogger<Greeter> logger)
{
    private readonly RecentKeys _greeted = new(options.Value.GreetingMemory, options.Value.DuplicateCapacity, time);

    public async Task GreetAsync(Activity activity, CancellationToken cancellationToken)
    {
        var conversationId = activity.Conversation?.Id;
        var newcomers = (activity.MembersAdded ?? [])
            .Where(m => !string.IsNullOrEmpty(m.Id) && m.Id != activity.Recipient?.Id)
            .Where(m => _greeted.TryAdd($"{conversationId}|{m.Id}"))
            .ToList();
        if (newcomers.Count == 0) return;

        var reference = activity.GetConversationReference() with { ActivityId = null };
        try
        {
            await connector.SendToConversationAsync(reference, reference.CreateActivity(ActivityTypes.Message, options.Value.Greeting), cancellationToken);
        }
        catch
        {
            // Not greeted after all: a later update may try again.
            foreach (var member in newcomers) _greeted.Remove($"{conversationId}|{member.Id}");
            throw;
        }
        logger.LogInformation("Greeted {Count} new member(s) of conversation {Conversation}", newcomers.Count, conversationId);
    }
}
