using Bot.Channels.BotFramework.Connector;
using Bot.Channels.BotFramework.Rendering;
using Bot.Channels.BotFramework.Schema;
using Bot.Core.Answering;
using Microsoft.Extensions.Logging;

namespace Bot.Channels.BotFramework.Replies;

/// <summary>
/// One reply message, with the typing indicator shown until it is sent (Web Chat, Emulator, group chats). Teams
/// channels get no indicator: it would go to the channel thread, which refuses typing activities.
/// </summary>
public sealed class SingleReply(
    ConversationReference reference,
    string question,
    ConnectorClient connector,
    AnswerRenderer renderer,
    TimeSpan typingInterval,
    bool showTyping,
    TimeProvider time,
    ILogger logger) : IAnswerReply
{
    private CancellationTokenSource? _stopTyping;
    private Task _typing = Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!showTyping) return Task.CompletedTask;
        _stopTyping = new CancellationTokenSource();
        _typing = ShowTypingAsync(_stopTyping.Token, cancellationToken);
        return Task.CompletedTask;
    }

    public Task DeltaAsync(string text, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<string?> FinishAsync(Answer answer, CancellationToken cancellationToken)
    {
        await StopTypingAsync();
        return (await connector.ReplyToActivityAsync(reference, renderer.Render(reference, answer, question), cancellationToken)).Id;
    }

    public async Task FailAsync(string notice, CancellationToken cancellationToken)
    {
        await StopTypingAsync();
        await connector.ReplyToActivityAsync(reference, renderer.RenderNotice(reference, notice), cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await StopTypingAsync();
        _stopTyping?.Dispose();
    }

    /// <summary>
    /// Teams and Web Chat hide the indicator after a few seconds, so it is repeated until the reply is sent.
    /// Stopping ends the wait between indicators but lets one in flight finish, so it never lands after the reply.
    /// </summary>
    private async Task ShowTypingAsync(CancellationToken stop, CancellationToken cancellationToken)
    {
        var typing = reference.CreateActivity(ActivityTypes.Typing) with { ReplyToId = null };
        using var timer = new PeriodicTimer(typingInterval, time);
        try
        {
            do
            {
                try
                {
                    await connector.SendToConversationAsync(reference, typing, cancellationToken);
                }
                catch (ConnectorException ex)
                {
                    logger.LogDebug(ex, "The typing indicator was not accepted");
                }
            } while (!stop.IsCancellationRequested && await timer.WaitForNextTickAsync(stop));
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task StopTypingAsync()
    {
        if (_stopTyping is { IsCancellationRequested: false }) await _stopTyping.CancelAsync();
        await _typing;
    }
}
