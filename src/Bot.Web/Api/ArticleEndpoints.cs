using Bot.Core.Articles;
using Bot.Core.Retrieval;
using Bot.Web.Security;

namespace Bot.Web.Api;

public static class ArticleEndpoints
{
    public const int MaxPage = 500;

    public static void MapArticles(this RouteGroupBuilder api)
    {
        api.MapGet("/articles", ListAsync).WithSummary("Articles, newest first, in pages").Produces<ArticlePage>();
        api.MapGet("/articles/{id}", GetAsync).WithSummary("One article with its full text")
            .Produces<Article>().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapDelete("/articles/{id}", DeleteAsync).WithSummary("Remove an article and its passages (admin)")
            .RequireAuthorization(ApiSecurity.AdminPolicy)
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> ListAsync(IArchiveStore store, int? offset, int? limit, string? from, string? to,
        string? source, string[]? tag, CancellationToken cancellationToken)
    {
        var size = limit ?? 50;
        if (size is < 1 or > MaxPage)
            return TypedResults.Problem($"'limit' must be between 1 and {MaxPage}.", statusCode: StatusCodes.Status400BadRequest);
        var page = await store.ListArticlesAsync(Math.Max(0, offset ?? 0), size, SearchFilterText.Parse(from, to, source, tag), cancellationToken);
        return TypedResults.Ok(page);
    }

    private static async Task<IResult> GetAsync(IArchiveStore store, string id, CancellationToken cancellationToken) =>
        await store.GetArticleAsync(id, cancellationToken) is { } article
            ? TypedResults.Ok(article)
            : NotFound(id);

    private static async Task<IResult> DeleteAsync(IArchiveStore store, string id, ILogger<IArchiveStore> logger, CancellationToken cancellationToken)
    {
        if (!await store.DeleteArticleAsync(id, cancellationToken)) return NotFound(id);
        logger.LogInformation("Deleted article {ArticleId}", id);
        return TypedResults.NoContent();
    }

    private static IResult NotFound(string id) =>
        TypedResults.Problem($"No article with id '{id}'.", statusCode: StatusCodes.Status404NotFound);
}
