using Bot.Core.Answering;
using Bot.Web.Security;

namespace Bot.Web.Api;

public static class FeedbackEndpoints
{
    public const int MaxRecent = 200;

    public static void MapFeedback(this RouteGroupBuilder api)
    {
        api.MapGet("/feedback", SummaryAsync)
            .WithSummary("What users said about the answers: counts, recent comments, answers marked wrong (admin)")
            .RequireAuthorization(ApiSecurity.AdminPolicy)
            .Produces<FeedbackSummary>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> SummaryAsync(IFeedbackStore store, int? recent, CancellationToken cancellationToken)
    {
        var count = recent ?? FeedbackSummary.DefaultRecent;
        if (count is < 0 or > MaxRecent)
            return TypedResults.Problem($"'recent' must be between 0 and {MaxRecent}.", statusCode: StatusCodes.Status400BadRequest);
        return TypedResults.Ok(await FeedbackSummary.BuildAsync(store, count, cancellationToken));
    }
}
