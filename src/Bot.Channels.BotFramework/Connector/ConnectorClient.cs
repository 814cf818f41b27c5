using System.Net.Http.Headers;
using System.Net.Http.Json;
using Bot.Channels.BotFramework.Schema;
using Microsoft.Extensions.Logging;

namespace Bot.Channels.BotFramework.Connector;

/// <summary>The Bot Connector REST API (v3) calls the bot makes: reply to an activity, send to a conversation.</summary>
public sealed class ConnectorClient(
    IHttpClientFactory httpClients,
    RetryingSender sender,
    BotTokenProvider tokens,
    ILogger<ConnectorClient> logger)
{
    /// <summary>POST {serviceUrl}/v3/conversations/{conversationId}/activities/{replyToId}, or to the conversation when there is nothing to reply to.</summary>
    public Task<ResourceResponse> ReplyToActivityAsync(ConversationReference reference, Activity activity, CancellationToken cancellationToken) =>
        reference.ActivityId is { Length: > 0 } replyToId
            ? PostAsync(reference, $"/activities/{Uri.EscapeDataString(replyToId)}", activity, cancellationToken)
            : SendToConversationAsync(reference, activity, cancellationToken);

    /// <summary>POST {serviceUrl}/v3/conversations/{conversationId}/activities.</summary>
    public Task<ResourceResponse> SendToConversationAsync(ConversationReference reference, Activity activity, CancellationToken cancellationToken) =>
        PostAsync(reference, "/activities", activity, cancellationToken);

    private async Task<ResourceResponse> PostAsync(ConversationReference reference, string suffix, Activity activity, CancellationToken cancellationToken)
    {
        var url = $"{reference.ServiceUrl.TrimEnd('/')}/v3/conversations/{Uri.EscapeDataString(reference.Conversation.Id ?? "")}{suffix}";
        var body = BotFrameworkJson.Serialize(activity);
        var token = await tokens.GetTokenAsync(cancellationToken);

        using var response = await sender.SendAsync(httpClients.CreateClient(BotFrameworkServiceCollectionExtensions.HttpClientName), () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return request;
        }, cancellationToken);

        if (!response.IsSuccessStatusCode)
            throw await ConnectorException.FromResponseAsync($"Sending a {activity.Type} activity to {url}", response, cancellationToken);
        logger.LogDebug("Sent a {Type} activity to {Url} ({Bytes} bytes)", activity.Type, url, body.Length);

        // 201 carries the new activity id; 200/202 may carry an empty body.
        if (response.Content.Headers.ContentLength is 0) return new ResourceResponse(null);
        try
        {
            return await response.Content.ReadFromJsonAsync<ResourceResponse>(BotFrameworkJson.Options, cancellationToken) ?? new ResourceResponse(null);
        }
        catch (System.Text.Json.JsonException)
        {
            return new ResourceResponse(null);
        }
    }
}
