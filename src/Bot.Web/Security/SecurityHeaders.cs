using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Bot.Web.Security;

/// <summary>
/// Security headers on every response, errors included: a Content-Security-Policy that runs only the host's
/// own script files (no inline script, no handlers in markup, nothing from elsewhere), framing refused,
/// no content-type sniffing, no referrer sent to the sites that articles link to. The API reference page
/// (Scalar) starts itself with one inline script: that page alone allows that script by its hash.
/// </summary>
public sealed partial class SecurityHeaders(RequestDelegate next)
{
    public const string PagePolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public const string DocsPath = "/api/docs";

    public async Task InvokeAsync(HttpContext context)
    {
        string? inlineScriptHashes = null;
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers.ContentSecurityPolicy = inlineScriptHashes is null ? PagePolicy : DocsPolicy(inlineScriptHashes);
            return Task.CompletedTask;
        });
        if (!context.Request.Path.StartsWithSegments(DocsPath))
        {
            await next(context);
            return;
        }

        // The reference page is small: buffer it to allow exactly its inline scripts.
        var body = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = body;
        }
        if (context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true)
            inlineScriptHashes = string.Join(' ', InlineScripts().Matches(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length))
                .Select(script => $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(script.Groups["code"].Value)))}'"));
        buffer.Position = 0;
        await buffer.CopyToAsync(body, context.RequestAborted);
    }

    // The reference's own bundle sets styles inline; its scripts stay limited to the host's files and the hashed start-up code.
    private static string DocsPolicy(string inlineScriptHashes) =>
        PagePolicy.Replace("script-src 'self'", $"script-src 'self' {inlineScriptHashes}", StringComparison.Ordinal)
            .Replace("style-src 'self'", "style-src 'self' 'unsafe-inline'", StringComparison.Ordinal);

    [GeneratedRegex(@"<script(?![^>]*\bsrc=)[^>]*>(?<code>.*?)</script>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex InlineScripts();
}
