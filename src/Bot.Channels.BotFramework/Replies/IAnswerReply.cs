using Bot.Core.Answering;

namespace Bot.Channels.BotFramework.Replies;

/// <summary>How one answer reaches the user while it is produced: started, updated with text, then finished or failed.</summary>
public interface IAnswerReply : IAsyncDisposable
{
    Task StartAsync(CancellationToken cancellationToken);
    Task DeltaAsync(string text, CancellationToken cancellationToken);
    /// <summary>Sends the answer; returns the id the channel gave the answer message, when it gave one.</summary>
    Task<string?> FinishAsync(Answer answer, CancellationToken cancellationToken);
    /// <summary>Tells the user no answer is coming (timeout, failure).</summary>
    Task FailAsync(string notice, CancellationToken cancellationToken);
}
