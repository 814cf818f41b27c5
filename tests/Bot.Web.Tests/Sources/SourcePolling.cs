using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Bot.Web.Tests.Hosting;

namespace Bot.Web.Tests.Sources;

internal static class SourcePolling
{
    /// <summary>GET /api/sources/{name} until <paramref name="done"/> holds (at most 30 s of real time).</summary>
    public static async Task<JsonNode> UntilAsync(this HttpClient client, string name, Func<JsonNode, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var view = await (await client.GetAsync($"/api/sources/{name}", TestContext.Current.CancellationToken)).JsonAsync();
            if (done(view)) return view;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"source {name} never got there: {view.ToJsonString()}");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Until a sync has finished that started after <paramref name="after"/> (any sync when null).</summary>
    public static Task<JsonNode> SyncedAsync(this HttpClient client, string name, DateTimeOffset? after = null) =>
        client.UntilAsync(name, v => !(bool)v["syncing"]! && v["state"]?["lastStarted"] is { } started
                                     && (after is null || DateTimeOffset.Parse((string)started!, System.Globalization.CultureInfo.InvariantCulture) > after)
                                     && v["state"]?["lastFinished"] is { } finished
                                     && DateTimeOffset.Parse((string)finished!, System.Globalization.CultureInfo.InvariantCulture)
                                        >= DateTimeOffset.Parse((string)started!, System.Globalization.CultureInfo.InvariantCulture));

    public static Task<HttpResponseMessage> AddSourceAsync(this HttpClient client, object declaration) =>
        client.PostAsJsonAsync("/api/sources", declaration, TestContext.Current.CancellationToken);
}
