using Bot.Core.Retrieval;

namespace Bot.Web.Api;

public static class SearchEndpoints
{
    public const int MaxTop = 100;

    public static void MapSearch(this RouteGroupBuilder api)
    {
        api.MapGet("/search", SearchAsync)
            .WithSummary("Ranked passages for a query (no answer)")
            .Produces<SearchResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> SearchAsync(Retriever retriever, string q, int? top, string? from, string? to,
        string? source, string[]? tag, SearchMode? mode, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(q))
            return TypedResults.Problem("The query 'q' is empty.", statusCode: StatusCodes.Status400BadRequest);
        var count = top ?? 10;
        if (count is < 1 or > MaxTop)
            return TypedResults.Problem($"'top' must be between 1 and {MaxTop}.", statusCode: StatusCodes.Status400BadRequest);
        var result = await retriever.RetrieveAsync(q, SearchFilterText.Parse(from, to, source, tag), count, mode, cancellationToken);
        return TypedResults.Ok(new SearchResponse(result.Mode, result.Notice, result.Passages));
    }
}
