using Bot.Channels.BotFramework.Tests.Fakes;

namespace Bot.Channels.BotFramework.Tests;

public sealed class ConnectorRetryTests : BotTestBase
{
    [Fact]
    public async Task Throttled_and_failing_replies_are_retried_until_delivered()
    {
        var failures = new Queue<(int, int?)>([(429, 0), (503, null)]);
        Service.Failure = r => r.Type == "message" && failures.TryDequeue(out var failure) ? failure : null;
        var message = Activities.MentioningBot(Service.ServiceUrl, "What did the Fed decide?");
        await SendAsync(message);

        var activities = await Service.WaitForActivitiesAsync(a => a.Any(r => r.Type == "message" && r.Succeeded));
        var attempts = activities.Where(r => r.Type == "message").ToList();
        Assert.Equal([429, 503, 201], attempts.Select(a => a.Status));
        Assert.All(attempts, a => Assert.Equal(ReplyPath(message), a.Path));
        Assert.All(attempts, a => Assert.Equal(ScriptedAskService.CitedAnswer.Text, a.Text));
    }

    [Fact]
    public async Task Rejected_reply_is_not_retried()
    {
        Service.Failure = r => r.Type == "message" && r.Text == ScriptedAskService.CitedAnswer.Text ? (400, null) : null;
        await SendAsync(Activities.MentioningBot(Service.ServiceUrl, "What did the Fed decide?"));

        // The refused answer is followed by the apology, which the Connector accepts.
        var activities = await Service.WaitForActivitiesAsync(a => a.Any(r => r.Type == "message" && r.Succeeded));
        var messages = activities.Where(r => r.Type == "message").ToList();
        Assert.Equal([400, 201], messages.Select(m => m.Status));
        Assert.StartsWith("Sorry", messages[1].Text);
    }
}
