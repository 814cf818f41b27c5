using System.Runtime.CompilerServices;
using Bot.Core.Articles.Reading.Pdf;

namespace Bot.Core.Articles.Reading;

/// <summary>A PDF document (.pdf): its text layer in reading order, one article, every page's start kept.</summary>
internal sealed class PdfFormat : IArticleFormat
{
    public IReadOnlyList<string> Extensions { get; } = [".pdf"];
    public bool HoldsOneArticle => true;

    public async IAsyncEnumerable<ReadItem> ReadAsync(
        Stream content, string origin, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // PdfPig reads from random positions (the cross-reference table is at the end), so the file is read whole;
        // Ingest:MaxFileBytes has already bounded its size.
        using var bytes = new MemoryStream();
        await content.CopyToAsync(bytes, cancellationToken);
        yield return PdfArticleExtractor.Extract(bytes.GetBuffer().AsMemory(0, (int)bytes.Length), origin);
    }
}
