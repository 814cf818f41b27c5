using Stopwatch = System.Diagnostics.Stopwatch;
using Bot.Channels.BotFramework.Connector;
using Bot.Channels.BotFramework.FeedbackLoop;
using Bot.Channels.BotFramework.Rendering;
using Bot.Channels.BotFramework.Replies;
using Bot.Channels.BotFramework.Schema;
using Bot.Core;
using Bot.Core.Answering;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Channels.BotFramework.Turns;

/// <summary>
/// Answers a message through <see cref="IAskService"/>: streamed in Teams 1:1 chats, as one reply elsewhere,
/// and with an apology when answering fails or takes longer than <see cref="BotFrameworkOptions.AnswerTimeout"/>.
/// </summary>
public sealed class QuestionAnswerer(
    IAskService ask,
    ConnectorClient connector,
    AnswerRenderer renderer,
    AnsweredMessages answers,
    IOptions<BotFrameworkOptions> options,
    TimeProvider time,
    ILogger<QuestionAnswerer> logger)
{
    private readonly BotFrameworkOptions _options = options.Value;

    public async Task AnswerAsync(Activity activity, CancellationToken stoppingToken)
    {
        if (!QuestionText.IsAddressedToBot(activity))
        {
            logger.LogDebug("Ignoring message {Id}: the bot was not mentioned in group conversation {Conversation}", activity.Id, activity.Conversation?.Id);
            return;
        }

        var reference = activity.GetConversationReference();
        var question = QuestionText.Of(activity);
        if (question.Length == 0)
        {
            await connector.ReplyToActivityAsync(reference, renderer.RenderNotice(reference, _options.EmptyQuestionText), stoppingToken);
            return;
        }

        // One trace per question: this turn, the ask service's retrieve and answer spans, then the reply.
        using var turn = BotTelemetry.Source.StartActivity("turn");
        turn?.SetTag("bot.channel", activity.ChannelId);
        turn?.SetTag("bot.conversation", reference.Conversation.Id);
        var started = Stopwatch.GetTimestamp();
        await using var reply = CreateReply(activity, reference, question);
        await reply.StartAsync(stoppingToken);
        try
        {
            var answer = await AskAsync(question, reference.Conversation.Id, reply, stoppingToken);
            string? sent;
            using (BotTelemetry.Source.StartActivity("reply"))
                sent = await reply.FinishAsync(answer, stoppingToken);
            answers.Remember(reference.Conversation.Id!, new AnsweredMessage(sent, activity.Id, question, answer.Citations.Select(FeedbackCitation.Of).ToList()));
            logger.LogInformation("Answered in conversation {Conversation} in {Elapsed} ({Citations} citations, abstained: {Abstained}, by {Answerer})",
                reference.Conversation.Id, Stopwatch.GetElapsedTime(started), answer.Citations.Count, answer.Abstained, answer.Answerer);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            turn?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, ex.GetType().Name);
            logger.LogWarning(ex, "No answer for conversation {Conversation} after {Elapsed}; apologising", reference.Conversation.Id, Stopwatch.GetElapsedTime(started));
            await reply.FailAsync(_options.ApologyText, stoppingToken);
        }
    }

    private async Task<Answer> AskAsync(string question, string? conversationId, IAnswerReply reply, CancellationToken stoppingToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(_options.AnswerTimeout);
        await foreach (var update in ask.AskAsync(new AskRequest(question, conversationId), timeout.Token).WithCancellation(timeout.Token))
        {
            switch (update)
            {
                case AnswerDelta delta:
                    await reply.DeltaAsync(delta.Text, timeout.Token);
                    break;
                case AnswerFinal final:
                    return final.Answer;
            }
        }
        throw new InvalidOperationException("The ask service finished without a final answer.");
    }

    private IAnswerReply CreateReply(Activity activity, ConversationReference reference, string question) =>
        _options.StreamingEnabled
        && activity.ChannelId == ChannelIds.MsTeams
        && activity.Conversation?.ConversationType == ChannelIds.PersonalConversation
            ? new StreamedReply(reference, question, connector, renderer, _options, time, logger)
            : new SingleReply(reference, question, connector, renderer, _options.TypingInterval,
                showTyping: activity.Conversation?.ConversationType != ChannelIds.ChannelConversation, time, logger);
}
