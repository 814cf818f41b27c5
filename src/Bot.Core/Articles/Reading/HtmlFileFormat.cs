using System.Runtime.CompilerServices;

namespace Bot.Core.Articles.Reading;

/// <summary>A saved web page (.html, .htm), extracted like a downloaded one.</summary>
internal sealed class HtmlFileFormat : IArticleFormat
{
    public IReadOnlyList<string> Extensions { get; } = [".html", ".htm"];
    public bool HoldsOneArticle => true;

    public async IAsyncEnumerable<ReadItem> ReadAsync(
        Stream content, string origin, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var html = await TextContent.ReadAllAsync(content, cancellationToken);
        yield return HtmlArticleExtractor.Extract(html, new Uri(Path.GetFullPath(origin)), origin);
    }
}
