namespace Bot.Core.Embedding;

/// <summary>A character trie over vocabulary pieces, walked one UTF-16 code unit at a time.</summary>
internal sealed class PieceTrie
{
    private readonly Node root = new();

    /// <summary>Adds a piece; a piece added twice keeps the later id, as the reference tokenizer does.</summary>
    public void Add(string piece, int id)
    {
        var node = root;
        foreach (var c in piece)
        {
            node.Children ??= [];
            if (!node.Children.TryGetValue(c, out var child)) node.Children[c] = child = new Node();
            node = child;
        }
        node.Id = id;
    }

    /// <summary>Every piece that starts at <paramref name="start"/>: its end (exclusive) and id, shortest first.</summary>
    public IEnumerable<(int End, int Id)> Matches(string text, int start)
    {
        var node = root;
        for (var i = start; i < text.Length; i++)
        {
            if (node.Children is null || !node.Children.TryGetValue(text[i], out var child)) yield break;
            node = child;
            if (node.Id >= 0) yield return (i + 1, node.Id);
        }
    }

    private sealed class Node
    {
        public Dictionary<char, Node>? Children;
        public int Id = -1;
    }
}
