using Bot.Core.Analysis;
using Microsoft.Data.Sqlite;

namespace Bot.Storage.Sqlite;

/// <summary>
/// The phrases a lexical query matches: its terms and adjacent term pairs. On a large archive a query's most
/// common terms would make FTS5 score most of the archive while adding little (BM25 weighs them least), so
/// phrases are kept rarest first until their postings reach the budget; the few rarest are always kept.
/// A pair counts as common as its rarer term, an upper bound.
/// </summary>
internal static class LexicalQueryPlan
{
    private const int AlwaysKept = 3;

    public static async Task<IReadOnlyList<string>> PhrasesAsync(
        SqliteConnection connection, IReadOnlyList<string> terms, long postingsBudget, CancellationToken cancellationToken)
    {
        var distinct = terms.Distinct(StringComparer.Ordinal).ToList();
        var phrases = distinct.Concat(TextAnalyzer.Pairs(terms).Distinct(StringComparer.Ordinal)).ToList();
        var frequencies = await SqliteTermStatistics.CountsAsync(connection, distinct, cancellationToken);
        long Frequency(string phrase) => phrase.IndexOf(TextAnalyzer.PairSeparator) is var cut and > 0
            ? Math.Min(frequencies.GetValueOrDefault(phrase[..cut]), frequencies.GetValueOrDefault(phrase[(cut + 1)..]))
            : frequencies.GetValueOrDefault(phrase);

        var present = phrases.Where(p => Frequency(p) > 0).OrderBy(Frequency).ThenBy(p => p, StringComparer.Ordinal).ToList();
        if (present.Sum(Frequency) <= postingsBudget) return present;
        var kept = new List<string>();
        long postings = 0;
        foreach (var phrase in present)
        {
            if (kept.Count >= AlwaysKept && postings + Frequency(phrase) > postingsBudget) break;
            kept.Add(phrase);
            postings += Frequency(phrase);
        }
        return kept;
    }
}
