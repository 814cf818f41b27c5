using System.ComponentModel;
using System.Text.Json;
using Bot.Core.Articles;
using Bot.Core.Retrieval;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Bot.Mcp.Tools;

/// <summary>Articles as MCP resources: article://{id} reads one article (JSON: metadata and full text).</summary>
[McpServerResourceType]
public sealed class ArticleResources(IArchiveStore store)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [McpServerResource(UriTemplate = ArticleUri.Template, Name = "article", Title = "Archived article", MimeType = "application/json")]
    [Description("One archived article: id, title, published date, source, url, author, place, tags and its full text.")]
    public async Task<ResourceContents> ReadAsync(
        RequestContext<ReadResourceRequestParams> request,
        [Description("The article id")] string id,
        CancellationToken cancellationToken = default)
    {
        var article = await store.GetArticleAsync(Uri.UnescapeDataString(id), cancellationToken)
            ?? throw new McpException($"No article with id '{Uri.UnescapeDataString(id)}'.");
        return new TextResourceContents
        {
            Uri = ArticleUri.For(article),
            MimeType = "application/json",
            Text = JsonSerializer.Serialize(article, Json),
        };
    }
}
