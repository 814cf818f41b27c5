namespace Bot.Storage.Sqlite;

/// <summary>Where the embedded archive lives: one SQLite file per archive folder (CLI --data / BOT_DATA, default ./data).</summary>
public sealed class SqliteArchiveOptions
{
    public string DataDirectory { get; set; } = "data";
    public string FileName { get; set; } = "archive.db";

    /// <summary>Candidates each retriever (lexical, dense) contributes before fusion and the per-article cap.</summary>
    public int Candidates { get; set; } = 100;

    /// <summary>Share of the dense score in hybrid search (see <see cref="Core.Retrieval.RankFusion"/>).</summary>
    public double DenseWeight { get; set; } = Core.Retrieval.RankFusion.DefaultDenseWeight;

    /// <summary>
    /// Postings a lexical query may read before its most common terms are left out (see LexicalQueryPlan).
    /// Small archives never reach it; at 100,000 chunks it keeps a query to a few tens of milliseconds.
    /// </summary>
    public long LexicalPostingsBudget { get; set; } = 20_000;

    /// <summary>
    /// Sentence vectors up to which dense search scans every vector exactly; above, binary sketches pick the
    /// nearest sentences first (about 100,000 chunks' worth by default).
    /// </summary>
    public int ExactDenseUpTo { get; set; } = 200_000;

    public string DatabasePath => Path.GetFullPath(Path.Combine(DataDirectory, FileName));
}
