using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Bot.Web.Security;
using Bot.Web.Tests.Hosting;

namespace Bot.Web.Tests.Security;

/// <summary>
/// The host as users start it, a child process run from a folder without appsettings.json: its own
/// appsettings.json still applies, and at Information level its logs hold no key, question or feedback comment.
/// </summary>
public sealed class HostConfigurationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_hosts_appsettings_apply_when_it_is_started_from_another_folder()
    {
        await using var host = await HostProcess.StartAsync(new Dictionary<string, string>());
        using var client = host.Client();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/me", Ct)).StatusCode);
        Assert.Contains("Microsoft.Hosting.Lifetime", host.Output);
        // appsettings.json sets Microsoft.AspNetCore to Warning; without it endpoint execution is logged at Information.
        Assert.DoesNotContain("Microsoft.AspNetCore.Routing", host.Output);
        Assert.DoesNotContain("Executing endpoint", host.Output);
    }

    [Fact]
    public async Task Keys_questions_and_feedback_comments_never_reach_the_logs()
    {
        const string Key = "desk-key-5f0c9e2b7a";
        const string WrongKey = "guessed-key-77aa01";
        const string Question = "Who asked the United States to arm its drones zebracorn?";
        const string Comment = "my private opinion quokka-8841";
        await using var host = await HostProcess.StartAsync(new Dictionary<string, string>
        {
            ["Api:Keys:0:Name"] = "support-desk",
            ["Api:Keys:0:Key"] = Key,
            ["Logging:LogLevel:Default"] = "Information",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Information",
            // The feedback invoke comes from this machine without a Bot Framework token, as the local test tools send it.
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["BotFramework:AllowUnauthenticated"] = "true",
        });
        using var client = host.Client();
        client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, Key);

        await (await client.PostAsJsonAsync("/api/ask", new { question = Question }, Ct)).JsonAsync();
        await (await client.GetAsync($"/api/search?q={Uri.EscapeDataString(Question)}", Ct)).JsonAsync();
        using (var wrong = host.Client())
        {
            wrong.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, WrongKey);
            Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.GetAsync("/api/me", Ct)).StatusCode);
        }
        var feedback = await client.PostAsJsonAsync("/api/messages", FeedbackInvoke(Comment), Ct);
        Assert.Equal(HttpStatusCode.OK, feedback.StatusCode);

        // Information logs do flow; the feedback line is the last one the requests above log.
        Assert.NotNull(await host.WaitForOutputAsync("Feedback Like", TimeSpan.FromSeconds(10)));
        var output = host.Output;
        Assert.Contains("Answered with", output);
        foreach (var secret in new[] { Key, WrongKey, "zebracorn", "quokka-8841" })
            Assert.DoesNotContain(secret, output);
    }

    private static JsonObject FeedbackInvoke(string comment) => new()
    {
        ["type"] = "invoke",
        ["name"] = "message/submitAction",
        ["id"] = Guid.NewGuid().ToString("N"),
        ["serviceUrl"] = "https://smba.trafficmanager.net/emea/",
        ["channelId"] = "msteams",
        ["from"] = new JsonObject { ["id"] = "29:user-ada" },
        ["conversation"] = new JsonObject { ["id"] = "a:1personal-chat", ["conversationType"] = "personal" },
        ["recipient"] = new JsonObject { ["id"] = "28:bot" },
        ["replyToId"] = "activity-42",
        ["value"] = new JsonObject
        {
            ["actionName"] = "feedback",
            ["actionValue"] = new JsonObject { ["reaction"] = "like", ["feedback"] = new JsonObject { ["feedbackText"] = comment }.ToJsonString() },
        },
    };
}
