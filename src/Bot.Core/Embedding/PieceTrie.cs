namespace Bot.Core.Embedding;

/// <summary>
/// A trie over vocabulary pieces, walked one UTF-16 code unit at a time. Nodes are numbers and edges one
/// dictionary keyed by (node, character), so a walk allocates nothing.
/// </summary>
internal sealed class PieceTrie
{
    public const int Root = 0;

    private readonly Dictionary<(int Node, char Char), int> edges = [];
    private readonly List<int> pieceIds = [-1];

    /// <summary>Adds a piece; a piece added twice keeps the later id, as the reference tokenizer does.</summary>
    public void Add(string piece, int id)
    {
        var node = Root;
        foreach (var c in piece)
        {
            if (!edges.TryGetValue((node, c), out var child))
            {
                child = pieceIds.Count;
                pieceIds.Add(-1);
                edges.Add((node, c), child);
            }
            node = child;
        }
        pieceIds[node] = id;
    }

    public bool TryStep(int node, char c, out int child) => edges.TryGetValue((node, c), out child);

    /// <summary>The id of the piece spelled by the path to <paramref name="node"/>, or -1 when it spells none.</summary>
    public int PieceAt(int node) => pieceIds[node];
}
