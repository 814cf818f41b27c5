namespace Bot.Core.Embedding;

/// <summary>
/// Token ids of several texts in the model's sparse layout: <c>indices</c> [n, 2] holds (text, position)
/// and <c>values</c> [n] the id at that place.
/// </summary>
internal sealed record SparseTokenBatch(long[] Indices, long[] Values)
{
    public int TokenCount => Values.Length;

    public static SparseTokenBatch From(IReadOnlyList<int[]> texts)
    {
        var count = texts.Sum(t => t.Length);
        var indices = new long[count * 2];
        var values = new long[count];
        var k = 0;
        for (var text = 0; text < texts.Count; text++)
        {
            for (var position = 0; position < texts[text].Length; position++, k++)
            {
                indices[2 * k] = text;
                indices[2 * k + 1] = position;
                values[k] = texts[text][position];
            }
        }
        return new SparseTokenBatch(indices, values);
    }
}
