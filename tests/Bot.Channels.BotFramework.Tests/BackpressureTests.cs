using System.Net;
using System.Runtime.CompilerServices;
using Bot.Channels.BotFramework.Tests.Fakes;
using Bot.Core.Answering;

namespace Bot.Channels.BotFramework.Tests;

public sealed class BackpressureTests : BotTestBase
{
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["BotFramework:Workers"] = "1",
        ["BotFramework:QueueCapacity"] = "1",
    };

    [Fact]
    public async Task Full_queue_answers_503_and_the_channels_retry_is_accepted_later()
    {
        Ask.Script = (request, ct) => WaitForRelease(request, ct);
        await SendAsync(Activities.MentioningBot(Service.ServiceUrl, "First"));
        await WaitUntilAsync(() => !Ask.Requests.IsEmpty); // the worker holds the first, the queue is empty
        await SendAsync(Activities.MentioningBot(Service.ServiceUrl, "Second"));

        var third = Activities.MentioningBot(Service.ServiceUrl, "Third");
        var busy = await SendAsync(third, HttpStatusCode.ServiceUnavailable);
        Assert.Equal("application/problem+json", busy.Content.Headers.ContentType?.MediaType);

        _release.SetResult();
        await Service.WaitForActivitiesAsync(a => a.Count(r => r.Type == "message") == 2);
        await SendAsync(third);
        await Service.WaitForActivitiesAsync(a => a.Count(r => r.Type == "message") == 3);
        Assert.Equal(["First", "Second", "Third"], Ask.Requests.Select(r => r.Question));
    }

    private async IAsyncEnumerable<AnswerUpdate> WaitForRelease(AskRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await _release.Task.WaitAsync(cancellationToken);
        yield return new AnswerFinal(new Answer($"Answer to {request.Question}", false, []));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not reached in time");
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }
    }
}
