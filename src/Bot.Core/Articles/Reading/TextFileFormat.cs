using System.Runtime.CompilerServices;
using Bot.Core.Articles.Metadata;

namespace Bot.Core.Articles.Reading;

/// <summary>
/// A plain-text article. When the first line looks like a headline and text follows, it is the title and
/// not part of the text; otherwise the whole file is the text and the normalizer derives a title.
/// </summary>
internal sealed class TextFileFormat : IArticleFormat
{
    public IReadOnlyList<string> Extensions { get; } = [".txt"];
    public bool HoldsOneArticle => true;

    public async IAsyncEnumerable<ReadItem> ReadAsync(
        Stream content, string origin, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var text = await TextContent.ReadAllAsync(content, cancellationToken);
        var (firstLine, rest) = TextContent.SplitFirstLine(text.TrimStart());
        yield return TitleDeriver.LooksLikeHeadline(firstLine) && !string.IsNullOrWhiteSpace(rest)
            ? new ArticleDraft(origin, null, rest) { Title = firstLine.Trim() }
            : new ArticleDraft(origin, null, text);
    }
}
