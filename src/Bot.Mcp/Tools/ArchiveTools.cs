using System.ComponentModel;
using Bot.Core.Answering;
using Bot.Core.Articles;
using Bot.Core.Retrieval;
using Microsoft.Extensions.Options;
using ModelContextProtocol;
using ModelContextProtocol.Server;

namespace Bot.Mcp.Tools;

/// <summary>
/// The archive's MCP tools. They use the same services as the REST API and the CLI, so an assistant sees the
/// same passages, articles and verified answers. Bad input is an error result that says what was wrong.
/// </summary>
[McpServerToolType]
public sealed class ArchiveTools(Retriever retriever, IArchiveStore store, IAskService ask, ArchiveSources sources, IOptions<McpOptions> options)
{
    [McpServerTool(Name = "search_archive", Title = "Search the news archive", ReadOnly = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Finds the archive passages that best match a query, best first. Each passage names its article (id, title, date, source, url), the chunk id and the character range it covers in the article text, so it can be cited exactly.")]
    public async Task<SearchResult> SearchArchiveAsync(
        [Description("What to look for, in words")] string query,
        [Description("How many passages (1 to 50, default 8)")] int top = 8,
        [Description("Only articles published on or after this date, e.g. 2017-11-01")] string? from = null,
        [Description("Only articles published on or before this date (inclusive)")] string? to = null,
        [Description("Only articles from this source, e.g. Reuters")] string? source = null,
        [Description("Only articles with any of these tags")] string[]? tags = null,
        CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(query)) throw new McpException("The query is empty.");
        if (top < 1 || top > options.Value.MaxTop) throw new McpException($"'top' must be between 1 and {options.Value.MaxTop}.");
        var result = await retriever.RetrieveAsync(query, Filter(from, to, source, tags), top, cancellationToken: cancellationToken);
        return new SearchResult(result.Mode.ToString().ToLowerInvariant(), result.Notice,
            result.Passages.Select((p, i) => FoundPassage.Of(i + 1, p)).ToList());
    }

    [McpServerTool(Name = "get_article", Title = "Read an article", ReadOnly = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("One article of the archive with its full text and metadata (title, published date, source, url, author, place, tags). Ids come from search_archive, ask citations or article:// resources.")]
    public async Task<Article> GetArticleAsync(
        [Description("The article id")] string id,
        CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(id)) throw new McpException("The article id is empty.");
        return await store.GetArticleAsync(id.Trim(), cancellationToken) ?? throw new McpException($"No article with id '{id}'.");
    }

    [McpServerTool(Name = "ask", Title = "Ask the news archive", ReadOnly = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Answers a question from the archive alone. The answer text carries markers [1], [2]... and each citation gives the article and the verbatim quote with its offsets, all verified against the archive; when the archive does not answer, 'abstained' is true and the text says so. Pass the same conversationId for follow-up questions.")]
    public async Task<Answer> AskAsync(
        [Description("The question")] string question,
        [Description("Ties follow-up questions to earlier ones (any stable id)")] string? conversationId = null,
        [Description("Only articles published on or after this date")] string? from = null,
        [Description("Only articles published on or before this date (inclusive)")] string? to = null,
        [Description("Only articles from this source")] string? source = null,
        [Description("Only articles with any of these tags")] string[]? tags = null,
        CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(question)) throw new McpException("The question is empty.");
        var request = new AskRequest(question, conversationId, Filter(from, to, source, tags));
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.Value.AnswerTimeout);
        try
        {
            await foreach (var update in ask.AskAsync(request, deadline.Token))
                if (update is AnswerFinal final) return final.Answer;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new McpException($"No answer within {options.Value.AnswerTimeout.TotalSeconds:0} seconds; try again or narrow the question.");
        }
        catch (ArgumentException e)
        {
            throw new McpException(e.Message);
        }
        throw new McpException("The answerer finished without an answer.");
    }

    [McpServerTool(Name = "list_sources", Title = "List the archive's sources", ReadOnly = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("The sources (publishers) of the archived articles, with how many articles each has and the dates they span, most articles first. Use a name as the 'source' filter of search_archive and ask.")]
    public async Task<SourceList> ListSourcesAsync(CancellationToken cancellationToken = default)
    {
        var list = await sources.ListAsync(cancellationToken);
        return new SourceList(list.Sum(s => s.Articles), list);
    }

    private static SearchFilter Filter(string? from, string? to, string? source, string[]? tags)
    {
        try
        {
            return SearchFilterText.Parse(from, to, source, tags);
        }
        catch (ArgumentException e)
        {
            throw new McpException(e.Message);
        }
    }
}
