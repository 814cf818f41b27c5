using System.Runtime.CompilerServices;
using Bot.Core.Articles.Reading;
using Bot.Core.Fetching;
using Microsoft.Extensions.Options;

namespace Bot.Core.Articles;

/// <summary>
/// Reads articles from a file, a folder (recursively, supported files only, ordered by path) or an http(s) URL
/// (fetched through the <see cref="WebFetcher"/>, so its address guard and limits apply).
/// Yields a draft per article and a problem per thing that could not be read, then goes on: it never throws for
/// bad input. Drafts without text or with text over <see cref="ArticleLimits.MaxArticleChars"/> become problems.
/// </summary>
public sealed class ArticleSourceReader(WebFetcher fetcher, IOptions<ArticleLimits> options)
{
    private readonly ArticleLimits limits = options.Value;
    private readonly WebPageReader web = new(fetcher);

    public async IAsyncEnumerable<ReadItem> ReadAsync(
        string pathOrUrl, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(pathOrUrl))
        {
            yield return new ReadProblem(pathOrUrl, null, "no file, folder or URL given");
            yield break;
        }
        if (pathOrUrl.Contains("://", StringComparison.Ordinal))
        {
            yield return Uri.TryCreate(pathOrUrl, UriKind.Absolute, out var url)
                         && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
                ? Checked(await web.ReadAsync(url, cancellationToken))
                : new ReadProblem(pathOrUrl, null, "not a valid http or https URL");
            yield break;
        }

        var path = Path.GetFullPath(pathOrUrl);
        IEnumerable<string> files;
        if (Directory.Exists(path)) files = FilesUnder(path);
        else if (File.Exists(path)) files = [path];
        else
        {
            yield return new ReadProblem(pathOrUrl, null, "no such file or folder");
            yield break;
        }
        foreach (var file in files)
            await foreach (var item in ReadFileAsync(file, cancellationToken))
                yield return item;
    }

    /// <summary>Supported files below <paramref name="folder"/>, hidden ones skipped, in ordinal path order.</summary>
    internal static IEnumerable<string> FilesUnder(string folder) =>
        Directory.EnumerateFiles(folder, "*", new EnumerationOptions
            {
                RecurseSubdirectories = true,
                IgnoreInaccessible = true,
                AttributesToSkip = FileAttributes.Hidden | FileAttributes.System,
            })
            .Where(file => ArticleFormats.For(file) is not null)
            .OrderBy(file => Path.GetRelativePath(folder, file).Replace('\\', '/'), StringComparer.Ordinal);

    private async IAsyncEnumerable<ReadItem> ReadFileAsync(
        string path, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var format = ArticleFormats.For(path);
        if (format is null)
        {
            yield return new ReadProblem(path, null, Sidecar.IsSidecar(path)
                ? "a sidecar metadata file is read with its article, not on its own"
                : $"unsupported file type '{Path.GetExtension(path)}' (supported: {string.Join(", ", ArticleFormats.Extensions)})");
            yield break;
        }
        var size = new FileInfo(path).Length;
        if (size > limits.MaxFileBytes)
        {
            yield return new ReadProblem(path, null,
                $"the file has {size:N0} bytes, more than the limit of {limits.MaxFileBytes:N0} (Ingest:MaxFileBytes)");
            yield break;
        }

        DraftFields? sidecar = null;
        if (format.HoldsOneArticle && Sidecar.Find(path) is { } sidecarPath)
        {
            var (fields, problem) = await Sidecar.ReadAsync(sidecarPath, cancellationToken);
            if (problem is not null) yield return problem;
            sidecar = fields;
        }

        var found = 0;
        await foreach (var item in ReadGuardedAsync(format, path, cancellationToken))
        {
            found++;
            yield return Checked(sidecar is not null && item is ArticleDraft draft ? sidecar.Overlay(draft) : item);
        }
        if (found == 0) yield return new ReadProblem(path, null, "no articles found in the file");
    }

    /// <summary>The format's items; a file that cannot be opened or fails mid-read ends with a problem instead of an exception.</summary>
    private static async IAsyncEnumerable<ReadItem> ReadGuardedAsync(
        IArticleFormat format, string path, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        FileStream? stream = null;
        string? failure = null;
        try { stream = File.OpenRead(path); }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException) { failure = error.Message; }
        if (stream is null)
        {
            yield return new ReadProblem(path, null, $"the file could not be opened: {failure}");
            yield break;
        }

        await using (stream)
        await using (var items = format.ReadAsync(stream, path, cancellationToken).GetAsyncEnumerator(cancellationToken))
        {
            while (true)
            {
                bool more;
                try { more = await items.MoveNextAsync(); }
                catch (Exception error) when (error is IOException or UnauthorizedAccessException)
                {
                    failure = error.Message;
                    break;
                }
                if (!more) yield break;
                yield return items.Current;
            }
        }
        yield return new ReadProblem(path, null, $"reading stopped by an I/O error: {failure}");
    }

    /// <summary>The article in downloaded content (a source's item), held to the same limits as everything read here.</summary>
    public ReadItem Extract(FetchedContent content, string origin) => Checked(WebPageReader.Extract(content, origin));

    private ReadItem Checked(ReadItem item) => item switch
    {
        ArticleDraft { HasText: false } draft => new ReadProblem(draft.Origin, draft.Row, "the article has no text"),
        ArticleDraft draft when draft.Text.Length > limits.MaxArticleChars => new ReadProblem(draft.Origin, draft.Row,
            $"the article text has {draft.Text.Length:N0} characters, more than the limit of {limits.MaxArticleChars:N0} (Ingest:MaxArticleChars)"),
        _ => item,
    };
}
