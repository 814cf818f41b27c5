using Bot.Core.Sources;
using Bot.Web.Security;
using Bot.Web.Sources;

namespace Bot.Web.Api;

/// <summary>Sources under /api/sources, all for admins: list, one with its failing items, add, remove, sync now.</summary>
public static class SourceEndpoints
{
    public static void MapSources(this RouteGroupBuilder api)
    {
        var sources = api.MapGroup("/sources").RequireAuthorization(ApiSecurity.AdminPolicy).WithTags("Sources");
        sources.MapGet("/", ListAsync).WithSummary("Every source with its state (admin)").Produces<IReadOnlyList<SourceView>>();
        sources.MapGet("/{name}", GetAsync).WithSummary("One source with its items count and failing items (admin)")
            .Produces<SourceView>().ProducesProblem(StatusCodes.Status404NotFound);
        sources.MapPost("/", AddAsync)
            .WithSummary("Add a source: {name, kind: feed|sitemap|folder, url or path, interval, include, exclude, maxItems} (admin)")
            .Produces<SourceView>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict);
        sources.MapDelete("/{name}", RemoveAsync).WithSummary("Forget a source added at run time; its articles stay (admin)")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        sources.MapPost("/{name}/sync", SyncAsync).WithSummary("Start a sync of the source now (admin)")
            .WithDescription("Returns 202 with the source; poll GET /api/sources/{name} for the outcome.")
            .Produces<SourceView>(StatusCodes.Status202Accepted).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> ListAsync(SourceCatalog catalog, SourceSyncRunner runner, CancellationToken cancellationToken) =>
        TypedResults.Ok((await catalog.ListAsync(cancellationToken)).Select(v => v with { Syncing = runner.IsSyncing(v.Definition.Name) }).ToList());

    private static async Task<IResult> GetAsync(string name, SourceCatalog catalog, SourceSyncRunner runner, CancellationToken cancellationToken) =>
        await catalog.GetAsync(name, cancellationToken) is { } view
            ? TypedResults.Ok(view with { Syncing = runner.IsSyncing(view.Definition.Name) })
            : NotFound(name);

    private static async Task<IResult> AddAsync(SourceDeclaration declaration, SourceCatalog catalog, SourceSyncService schedule,
        ILogger<SourceCatalog> logger, CancellationToken cancellationToken)
    {
        try
        {
            var source = await catalog.AddAsync(declaration, cancellationToken);
            logger.LogInformation("Added source {Source}: {Kind} {Location}", source.Name, source.Kind, source.Location);
            schedule.Nudge();
            return TypedResults.Created($"/api/sources/{Uri.EscapeDataString(source.Name)}", await catalog.GetAsync(source.Name, cancellationToken));
        }
        catch (SourceConflictException conflict)
        {
            return Conflict(conflict.Message);
        }
    }

    private static async Task<IResult> RemoveAsync(string name, SourceCatalog catalog, CancellationToken cancellationToken)
    {
        try
        {
            return await catalog.RemoveAsync(name, cancellationToken) ? TypedResults.NoContent() : NotFound(name);
        }
        catch (SourceConflictException conflict)
        {
            return Conflict(conflict.Message);
        }
    }

    private static async Task<IResult> SyncAsync(string name, SourceCatalog catalog, SourceSyncService schedule, CancellationToken cancellationToken)
    {
        if (await catalog.GetAsync(name, cancellationToken) is not { } view) return NotFound(name);
        return schedule.SyncNow(view.Definition)
            ? TypedResults.Accepted($"/api/sources/{Uri.EscapeDataString(view.Definition.Name)}", view with { Syncing = true })
            : Conflict($"The source '{view.Definition.Name}' is already being synced.");
    }

    private static IResult NotFound(string name) =>
        TypedResults.Problem($"No source named '{name}'.", statusCode: StatusCodes.Status404NotFound);

    private static IResult Conflict(string message) => TypedResults.Problem(message, statusCode: StatusCodes.Status409Conflict);
}
