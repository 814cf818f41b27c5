using Bot.Core.Articles.Reading;
using Bot.Web.Ingestion;
using Bot.Web.Security;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Bot.Web.Api;

public static class IngestEndpoints
{
    public static void MapIngest(this RouteGroupBuilder api)
    {
        var admin = api.MapGroup("/ingest").RequireAuthorization(ApiSecurity.AdminPolicy);
        admin.MapPost("/", StartAsync)
            .WithSummary("Ingest uploaded files (multipart, field 'files') and/or URLs (JSON {\"urls\": [...]} or form field 'urls') (admin)")
            .WithDescription("Returns 202 with a job; poll GET /api/ingest/{id} for progress and the final report.")
            .Produces<IngestJobStatus>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        admin.MapGet("/{id}", (string id, IngestJobs jobs) => jobs.Get(id) is { } status
                ? Results.Ok(status)
                : TypedResults.Problem($"No ingest job '{id}'.", statusCode: StatusCodes.Status404NotFound))
            .WithSummary("Progress and report of an ingest job (admin)")
            .Produces<IngestJobStatus>();
    }

    private static async Task<IResult> StartAsync(HttpContext http, IngestJobs jobs, IOptions<ApiOptions> options)
    {
        var id = Guid.NewGuid().ToString("N")[..12];
        var inputs = new List<string>();
        string? folder = null;
        if (http.Request.HasFormContentType)
        {
            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
                limit.MaxRequestBodySize = options.Value.MaxUploadBytes;
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            inputs.AddRange(Urls(form["urls"].SelectMany(u => (u ?? "").Split('\n'))));
            if (form.Files.Count > 0)
            {
                folder = Path.Combine(Path.GetTempPath(), "bot-uploads", id);
                Directory.CreateDirectory(folder);
                foreach (var file in form.Files)
                {
                    var name = Path.GetFileName(file.FileName);
                    if (name.Length == 0 || ArticleFormats.For(name) is null)
                    {
                        Directory.Delete(folder, recursive: true);
                        return TypedResults.Problem($"'{file.FileName}' is not a supported article file ({string.Join(", ", ArticleFormats.Extensions)}).",
                            statusCode: StatusCodes.Status400BadRequest);
                    }
                    await using var target = File.Create(Path.Combine(folder, name));
                    await file.CopyToAsync(target, http.RequestAborted);
                }
                inputs.Add(folder);
            }
        }
        else
        {
            var body = await http.Request.ReadFromJsonAsync<IngestUrlsBody>(http.RequestAborted);
            inputs.AddRange(Urls(body?.Urls ?? []));
        }
        if (inputs.Count == 0)
            return TypedResults.Problem("Nothing to ingest: send files (multipart field 'files') or URLs.", statusCode: StatusCodes.Status400BadRequest);
        var status = jobs.Enqueue(inputs, folder, id);
        return TypedResults.Accepted($"/api/ingest/{id}", status);
    }

    private static IEnumerable<string> Urls(IEnumerable<string> values)
    {
        foreach (var value in values.Select(v => v.Trim()).Where(v => v.Length > 0))
        {
            if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
                throw new ArgumentException($"'{value}' is not an http(s) URL.");
            yield return uri.ToString();
        }
    }
}
