using System.Text;
using Bot.Channels.BotFramework.Connector;
using Bot.Channels.BotFramework.Rendering;
using Bot.Channels.BotFramework.Schema;
using Bot.Core.Answering;
using Microsoft.Extensions.Logging;

namespace Bot.Channels.BotFramework.Replies;

/// <summary>
/// A Teams streamed answer (1:1 chats): an informative update, then typing activities carrying the text so far
/// with increasing stream sequence numbers, then the final message with the AI label, citations and feedback.
/// Teams ends streams after two minutes, so a stream still growing at <see cref="BotFrameworkOptions.MaxStreamingDuration"/>
/// is closed with the text so far and the answer follows as a new message; so it does when Teams refuses the stream.
/// </summary>
public sealed class StreamedReply(
    ConversationReference reference,
    string question,
    ConnectorClient connector,
    AnswerRenderer renderer,
    BotFrameworkOptions options,
    TimeProvider time,
    ILogger logger) : IAnswerReply
{
    /// <summary>Teams refuses longer informative updates.</summary>
    public const int MaxInformativeLength = 1_000;

    private readonly StringBuilder _text = new();
    private string? _streamId;
    private int _sequence;
    private bool _updating;
    private bool _closed;
    private DateTimeOffset _startedAt;
    private DateTimeOffset _lastUpdate;

    private bool StreamOpen => _streamId is not null && !_closed && time.GetUtcNow() - _startedAt < options.MaxStreamingDuration;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _startedAt = _lastUpdate = time.GetUtcNow();
        var informative = reference.CreateActivity(ActivityTypes.Typing, TextLimits.Truncate(options.InformativeText, MaxInformativeLength)) with
        {
            Entities = [new StreamInfo(null, StreamInfo.Informative, ++_sequence).ToEntity()],
        };
        try
        {
            // Teams answers the first streaming activity with the id every later one must quote.
            _streamId = (await connector.ReplyToActivityAsync(reference, informative, cancellationToken)).Id;
            _updating = _streamId is not null;
        }
        catch (ConnectorException ex)
        {
            logger.LogWarning(ex, "Teams did not start a stream; answering with a single message");
        }
    }

    public async Task DeltaAsync(string text, CancellationToken cancellationToken)
    {
        _text.Append(text);
        if (_streamId is not null && !_closed && !StreamOpen)
        {
            await CloseEarlyAsync(cancellationToken);
            return;
        }
        if (!_updating || !StreamOpen || time.GetUtcNow() - _lastUpdate < options.StreamingUpdateInterval) return;
        if (MessageSize.Of(_text.ToString()) > options.MaxMessageBytes / 2)
        {
            _updating = false; // long answers finish in the final message, which is sized to fit
            return;
        }

        var update = reference.CreateActivity(ActivityTypes.Typing, _text.ToString()) with
        {
            Entities = [new StreamInfo(_streamId, StreamInfo.Streaming, ++_sequence).ToEntity()],
        };
        try
        {
            await connector.ReplyToActivityAsync(reference, update, cancellationToken);
            _lastUpdate = time.GetUtcNow();
        }
        catch (ConnectorException ex)
        {
            _updating = false;
            logger.LogWarning(ex, "Teams refused a streaming update; the answer will arrive whole");
        }
    }

    /// <summary>Ends the stream with what has been streamed so far; the answer is then sent as a new message.</summary>
    private async Task CloseEarlyAsync(CancellationToken cancellationToken)
    {
        _closed = true;
        var partial = TextLimits.CutToLength(_text.ToString(), options.MaxMessageBytes / 2 / sizeof(char)) + "\n\n… *(the complete answer follows)*";
        try
        {
            await connector.ReplyToActivityAsync(reference, renderer.RenderNotice(reference, partial, new StreamInfo(_streamId, StreamInfo.Final, null)), cancellationToken);
        }
        catch (ConnectorException ex)
        {
            logger.LogWarning(ex, "Teams refused to close stream {StreamId} early", _streamId);
        }
    }

    public Task<string?> FinishAsync(Answer answer, CancellationToken cancellationToken) =>
        SendFinalAsync(streamInfo => renderer.Render(reference, answer, question, streamInfo), cancellationToken);

    public Task FailAsync(string notice, CancellationToken cancellationToken) =>
        SendFinalAsync(streamInfo => renderer.RenderNotice(reference, notice, streamInfo), cancellationToken);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>Sends the final message; its id is the stream's when it ends the stream (Teams keeps the streamed message).</summary>
    private async Task<string?> SendFinalAsync(Func<StreamInfo?, Activity> render, CancellationToken cancellationToken)
    {
        if (StreamOpen)
        {
            try
            {
                var ended = await connector.ReplyToActivityAsync(reference, render(new StreamInfo(_streamId, StreamInfo.Final, null)), cancellationToken);
                return ended.Id ?? _streamId;
            }
            catch (ConnectorException ex)
            {
                logger.LogWarning(ex, "Teams refused to end stream {StreamId}; sending the answer as a new message", _streamId);
            }
        }
        return (await connector.ReplyToActivityAsync(reference, render(null), cancellationToken)).Id;
    }
}
