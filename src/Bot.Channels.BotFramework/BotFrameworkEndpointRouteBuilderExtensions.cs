using Bot.Channels.BotFramework.Inbound;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Bot.Channels.BotFramework;

public static class BotFrameworkEndpointRouteBuilderExtensions
{
    /// <summary>The messaging endpoint the Azure Bot resource calls (https://HOST/api/messages).</summary>
    public static RouteHandlerBuilder MapBotFramework(this IEndpointRouteBuilder endpoints, string pattern = "/api/messages") =>
        endpoints.MapPost(pattern, (HttpContext context, ActivityEndpoint endpoint) => endpoint.HandleAsync(context))
            .WithName("BotFrameworkMessages")
            .WithSummary("Receives Bot Framework activities (Teams, Web Chat, Emulator).")
            .DisableAntiforgery();
}
