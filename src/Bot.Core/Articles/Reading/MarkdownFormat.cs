using System.Runtime.CompilerServices;

namespace Bot.Core.Articles.Reading;

/// <summary>
/// A Markdown article: optional simple front matter (<c>---</c> / <c>key: value</c> lines / <c>---</c>), then the
/// body. The first <c># heading</c> is the title (front matter wins); when it opens the body it is not kept as text.
/// Other Markdown is left as written, so quotes stay verbatim.
/// </summary>
internal sealed class MarkdownFormat : IArticleFormat
{
    public IReadOnlyList<string> Extensions { get; } = [".md", ".markdown"];
    public bool HoldsOneArticle => true;

    public async IAsyncEnumerable<ReadItem> ReadAsync(
        Stream content, string origin, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var text = (await TextContent.ReadAllAsync(content, cancellationToken)).ReplaceLineEndings("\n");
        var (frontMatter, body) = FrontMatter.Split(text);
        if (frontMatter.Problem is { } problem)
            yield return new ReadProblem(origin, null, problem);

        var lines = body.Split('\n');
        var headingLine = Array.FindIndex(lines, IsTitleHeading);
        var firstContentLine = Array.FindIndex(lines, l => !string.IsNullOrWhiteSpace(l));
        string? heading = headingLine >= 0 ? lines[headingLine].TrimStart()[2..].Trim().TrimEnd('#').Trim() : null;
        if (headingLine >= 0 && headingLine == firstContentLine)
            body = string.Join('\n', lines.Skip(headingLine + 1));

        var draft = new ArticleDraft(origin, null, body) { Title = heading };
        yield return frontMatter.Fields.Overlay(draft);
    }

    private static bool IsTitleHeading(string line)
    {
        var trimmed = line.TrimStart();
        return trimmed.StartsWith("# ", StringComparison.Ordinal) && trimmed.Length > 2 && line.Length - trimmed.Length < 4;
    }
}
