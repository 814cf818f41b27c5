namespace Bot.Core.Retrieval;

/// <summary>
/// An optional capability of a store: how many chunks of the whole archive hold each analysed term. The
/// extractive answerer weighs a question's words by their rarity in the archive when a store offers this
/// (the embedded SQLite store does) and by their rarity among the retrieved passages otherwise.
/// </summary>
public interface ITermStatistics
{
    /// <summary>The chunk count and, per term of <paramref name="terms"/> (analysed, as TextAnalyzer makes them), how many chunks hold it.</summary>
    Task<DocumentFrequencies> GetDocumentFrequenciesAsync(IReadOnlyCollection<string> terms, CancellationToken cancellationToken = default);
}

/// <summary>Chunk count of the archive and document frequency per term; a term missing from <see cref="Counts"/> is in no chunk.</summary>
public sealed record DocumentFrequencies(long Documents, IReadOnlyDictionary<string, long> Counts)
{
    public long Of(string term) => Counts.TryGetValue(term, out var count) ? count : 0;
}
