using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Bot.Web.Tests.Hosting;

/// <summary>Starting ingest jobs through the API and following them until they end.</summary>
public static class Ingesting
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(60);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Uploads files (name, content) as multipart field "files"; returns the 202 response's job.</summary>
    public static async Task<JsonNode> UploadAsync(this HttpClient client, params (string Name, string Content)[] files)
    {
        using var form = new MultipartFormDataContent();
        foreach (var (name, content) in files)
            form.Add(new StringContent(content, Encoding.UTF8, "text/plain"), "files", name);
        using var response = await client.PostAsync("/api/ingest", form, Ct);
        var job = await response.JsonAsync(HttpStatusCode.Accepted);
        Assert.Equal($"/api/ingest/{(string)job["id"]!}", response.Headers.Location?.OriginalString);
        return job;
    }

    public static async Task<JsonNode> IngestUrlsAsync(this HttpClient client, params string[] urls)
    {
        using var response = await client.PostAsJsonAsync("/api/ingest", new { urls }, Ct);
        return await response.JsonAsync(HttpStatusCode.Accepted);
    }

    /// <summary>Polls the job until it has succeeded or failed and returns its last status.</summary>
    public static async Task<JsonNode> WaitAsync(this HttpClient client, JsonNode job)
    {
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        patience.CancelAfter(GiveUpAfter);
        while (true)
        {
            var status = await (await client.GetAsync($"/api/ingest/{(string)job["id"]!}", patience.Token)).JsonAsync();
            var state = (string)status["state"]!;
            Assert.Contains(state, new[] { "queued", "running", "succeeded", "failed" });
            if (state is "succeeded" or "failed") return status;
            await Task.Delay(PollInterval, patience.Token);
        }
    }

    /// <summary>Uploads and waits; asserts the job succeeded.</summary>
    public static async Task<JsonNode> IngestFilesAsync(this HttpClient client, params (string Name, string Content)[] files)
    {
        var status = await client.WaitAsync(await client.UploadAsync(files));
        Assert.Equal("succeeded", (string)status["state"]!);
        return status;
    }

    /// <summary>The id of the article titled <paramref name="title"/>, found through the article list.</summary>
    public static async Task<string> ArticleIdAsync(this HttpClient client, string title)
    {
        var page = await (await client.GetAsync("/api/articles?limit=500", Ct)).JsonAsync();
        return (string)page["items"]!.AsArray().Single(a => (string)a!["title"]! == title)!["id"]!;
    }
}
