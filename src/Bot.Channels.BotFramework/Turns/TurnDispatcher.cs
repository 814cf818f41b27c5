using Bot.Channels.BotFramework.Schema;

namespace Bot.Channels.BotFramework.Turns;

/// <summary>Routes a queued activity to what handles its type.</summary>
public sealed class TurnDispatcher(QuestionAnswerer answerer, Welcomer welcomer)
{
    public Task DispatchAsync(Activity activity, CancellationToken cancellationToken) => activity.Type switch
    {
        ActivityTypes.Message => answerer.AnswerAsync(activity, cancellationToken),
        ActivityTypes.ConversationUpdate or ActivityTypes.InstallationUpdate => welcomer.WelcomeAsync(activity, cancellationToken),
        _ => Task.CompletedTask,
    };
}
