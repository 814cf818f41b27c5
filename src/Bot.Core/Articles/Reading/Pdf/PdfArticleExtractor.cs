using UglyToad.PdfPig;
using UglyToad.PdfPig.Exceptions;

namespace Bot.Core.Articles.Reading.Pdf;

/// <summary>
/// Turns a PDF into a draft with PdfPig: the text of every page in reading order (see <see cref="PdfPageText"/>),
/// each page's start kept for citations, title and date from the document information or else the first page,
/// author and keywords from the document information. Encrypted, image-only and unreadable PDFs become problems.
/// Shared by .pdf files and downloaded PDFs.
/// </summary>
internal static class PdfArticleExtractor
{
    public static ReadItem Extract(ReadOnlyMemory<byte> pdf, string origin)
    {
        try
        {
            using var document = PdfDocument.Open(pdf, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
            var text = new System.Text.StringBuilder();
            var starts = new List<int>(document.NumberOfPages);
            var images = 0;
            PdfPageText? first = null;
            foreach (var page in document.GetPages())
            {
                var pageText = PdfPageText.Read(page);
                first ??= pageText;
                images += page.NumberOfImages;
                if (text.Length > 0 && pageText.Text.Length > 0) text.Append("\n\n");
                starts.Add(text.Length);
                text.Append(pageText.Text);
            }
            if (text.Length == 0)
                return new ReadProblem(origin, null, images > 0
                    ? "the PDF has no text layer (scanned pages?); text in images is not read"
                    : "no text found in the PDF");

            var info = document.Information;
            return new ArticleDraft(origin, null, text.ToString())
            {
                Title = NullIfBlank(info.Title) ?? first?.Heading,
                PublishedRaw = CreationDate(info) ?? first?.DateLine,
                Author = NullIfBlank(info.Author),
                Tags = NullIfBlank(info.Keywords)?.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [],
                PageStarts = starts,
            };
        }
        catch (PdfDocumentEncryptedException)
        {
            return new ReadProblem(origin, null, "the PDF is encrypted and needs a password; it was not read");
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // PdfPig is fed arbitrary bytes; one broken document must not stop an ingest.
            return new ReadProblem(origin, null, $"the PDF could not be read: {error.Message}");
        }
    }

    /// <summary>The creation date as ISO 8601 (the normalizer parses it like any other date), when the PDF has a valid one.</summary>
    private static string? CreationDate(UglyToad.PdfPig.Content.DocumentInformation info) =>
        info.GetCreatedDateTimeOffset()?.ToString("O", System.Globalization.CultureInfo.InvariantCulture);

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
