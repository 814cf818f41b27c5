using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Bot.Core.Answering;

namespace Bot.Channels.BotFramework.Tests.Fakes;

/// <summary>An <see cref="IAskService"/> that records questions and plays a script: by default, a cited answer streamed word by word.</summary>
public sealed class ScriptedAskService : IAskService
{
    public static readonly Answer CitedAnswer = new(
        "The central bank raised rates by a quarter point [1]. Stocks fell after the decision [2].",
        false,
        [
            new Citation(1, "article-1", "Fed raises rates by 25 basis points as inflation stays high, officials say in a statement today",
                new DateTimeOffset(2017, 6, 14, 0, 0, 0, TimeSpan.Zero), "Reuters", "https://example.com/articles/1", "article-1#0",
                "The Federal Reserve raised its benchmark interest rate by a quarter of a percentage point on Wednesday, the third increase in six months, and said it expects one more this year.",
                0, 170),
            new Citation(2, "article-2", "Wall Street slips after Fed decision", null, "Reuters", null, "article-2#3",
                "Stocks fell after the decision.", 40, 71),
        ]) { Answerer = "scripted", FollowUps = ["More on Fed raises rates by 25 basis points", "More on Wall Street slips after Fed decision"] };

    public ConcurrentQueue<AskRequest> Requests { get; } = new();

    public Func<AskRequest, CancellationToken, IAsyncEnumerable<AnswerUpdate>> Script { get; set; } = (_, ct) => Stream(CitedAnswer, ct);

    public IAsyncEnumerable<AnswerUpdate> AskAsync(AskRequest request, CancellationToken cancellationToken = default)
    {
        Requests.Enqueue(request);
        return Script(request, cancellationToken);
    }

    /// <summary>The answer's text as one delta per word, then the final answer.</summary>
    public static async IAsyncEnumerable<AnswerUpdate> Stream(Answer answer, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var words = answer.Text.Split(' ');
        for (var i = 0; i < words.Length; i++)
        {
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            yield return new AnswerDelta(i == 0 ? words[i] : " " + words[i]);
        }
        yield return new AnswerFinal(answer);
    }
}
