using AngleSharp.Dom;

namespace Bot.Core.Articles.Reading;

/// <summary>
/// How deeply a parsed page nests its elements, measured without recursion. The extractor and selector
/// engine walk the tree recursively, so a page nested tens of thousands deep would overflow the stack and
/// end the whole process; such a page is refused before they see it. Browsers cap parser depth at 512 too.
/// </summary>
internal static class HtmlDepth
{
    public const int Max = 512;

    /// <summary>Whether any element of <paramref name="document"/> is more than <see cref="Max"/> levels deep.</summary>
    public static bool IsTooDeep(IDocument document)
    {
        var pending = new Stack<(INode Node, int Depth)>();
        pending.Push((document, 0));
        while (pending.TryPop(out var current))
        {
            if (current.Depth > Max) return true;
            foreach (var child in current.Node.ChildNodes)
                if (child is IElement) pending.Push((child, current.Depth + 1));
        }
        return false;
    }
}
