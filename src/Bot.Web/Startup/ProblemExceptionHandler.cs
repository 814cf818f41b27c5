using Bot.Core.Retrieval;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Bot.Web.Startup;

/// <summary>Turns the exceptions callers can act on into RFC 7807 problem details with the reason in a sentence.</summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title) = exception switch
        {
            BadHttpRequestException bad => (bad.StatusCode, bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Request too large" : "Bad request"),
            ArgumentException or FormatException or System.Text.Json.JsonException or InvalidDataException => (StatusCodes.Status400BadRequest, "Bad request"),
            ArchiveException => (StatusCodes.Status503ServiceUnavailable, "Archive unavailable"),
            _ => (StatusCodes.Status500InternalServerError, "Unexpected error"),
        };
        if (status >= 500) logger.LogError(exception, "Request failed: {Path}", http.Request.Path);
        http.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = status,
                Title = title,
                Detail = status == StatusCodes.Status500InternalServerError ? "The server could not complete the request." : exception.Message,
            },
        });
    }
}
