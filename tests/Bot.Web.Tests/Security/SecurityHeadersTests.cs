using System.Net;
using Bot.Web.Tests.Hosting;

namespace Bot.Web.Tests.Security;

/// <summary>Every response, page, script, API answer, problem or redirect, carries the security headers.</summary>
public sealed class SecurityHeadersTests(WebHostFixture fixture) : IClassFixture<WebHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/", HttpStatusCode.OK)]
    [InlineData("/js/chat.js", HttpStatusCode.OK)]
    [InlineData("/api/me", HttpStatusCode.OK)]
    [InlineData("/health", HttpStatusCode.OK)]
    [InlineData("/api/articles/no-such-article", HttpStatusCode.NotFound)]
    [InlineData("/api/search?q=", HttpStatusCode.BadRequest)]
    [InlineData("/no-such-file.html", HttpStatusCode.NotFound)]
    [InlineData("/api/docs", HttpStatusCode.Redirect)]
    public async Task Every_response_carries_the_security_headers(string path, HttpStatusCode status)
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = fixture.Host.Address };
        using var response = await client.GetAsync(path, Ct);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        var policy = Header(response, "Content-Security-Policy");
        Assert.Contains("script-src 'self';", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.Contains("object-src 'none'", policy);
        Assert.DoesNotContain("unsafe", policy);
    }

    [Fact]
    public async Task The_api_reference_allows_only_its_own_start_up_script_by_hash()
    {
        using var client = fixture.Host.Client();
        using var response = await client.GetAsync("/api/docs/", Ct);
        var page = await response.Content.ReadAsStringAsync(Ct);

        Assert.Contains("<script type=\"module\">", page);
        var scripts = Header(response, "Content-Security-Policy").Split(';').Single(d => d.Trim().StartsWith("script-src", StringComparison.Ordinal));
        Assert.Matches(@"^\s*script-src 'self' 'sha256-[A-Za-z0-9+/]{43}='$", scripts);
        Assert.DoesNotContain("unsafe-inline", scripts);
    }

    [Fact]
    public async Task The_page_has_no_inline_script_or_handler_to_allow()
    {
        using var client = fixture.Host.Client();
        var page = await client.GetStringAsync("/", Ct);

        Assert.DoesNotMatch(@"<script(?![^>]*\bsrc=)[^>]*>", page);
        Assert.DoesNotMatch(@"\son[a-z]+\s*=", page);
        Assert.DoesNotContain("javascript:", page);
        Assert.DoesNotMatch(@"\sstyle\s*=", page);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new Xunit.Sdk.XunitException($"{(int)response.StatusCode} {response.RequestMessage?.RequestUri} has no {name} header");
}
