namespace Bot.Storage.Sqlite;

/// <summary>Where the embedded archive lives: one SQLite file per archive folder (CLI --data / BOT_DATA, default ./data).</summary>
public sealed class SqliteArchiveOptions
{
    public string DataDirectory { get; set; } = "data";
    public string FileName { get; set; } = "archive.db";

    /// <summary>Candidates each retriever (lexical, dense) contributes before fusion and the per-article cap.</summary>
    public int Candidates { get; set; } = 100;

    /// <summary>RRF weight of the dense ranking relative to the lexical one in hybrid search.</summary>
    public double DenseWeight { get; set; } = 1.0;

    public string DatabasePath => Path.GetFullPath(Path.Combine(DataDirectory, FileName));
}
