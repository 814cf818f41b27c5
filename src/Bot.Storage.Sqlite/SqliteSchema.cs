using Microsoft.Data.Sqlite;

namespace Bot.Storage.Sqlite;

/// <summary>
/// Tables: articles (full text + metadata), article_tags (filter index), chunks (offsets, text),
/// chunk_vectors (one float16 vector per sentence of a chunk),
/// chunk_fts (contentless FTS5 over analysed terms and term pairs: SQLite ranks BM25, the core's analyser decides the terms),
/// term_df (chunks per analysed term: a query leaves out its most common terms on a large archive, the answerer weighs terms by rarity),
/// meta (schema version, analyser version of the lexical index, embedding space, write generation).
/// </summary>
internal static class SqliteSchema
{
    public const int Version = 2;

    /// <summary>What turns an archive of the key's version into the next one, in one transaction each.</summary>
    private static readonly Dictionary<int, string> Upgrades = new()
    {
        [1] = "ALTER TABLE chunks ADD COLUMN page INTEGER;",
    };

    /// <summary>BM25 weights of the columns: context (title, place, date), body terms, adjacent term pairs.</summary>
    public const string ColumnWeights = "0.5, 1.0, 0.5";

    public const string Create = """
        CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS articles (
            id TEXT PRIMARY KEY,
            title TEXT NOT NULL,
            text TEXT NOT NULL,
            published TEXT,
            source TEXT,
            url TEXT,
            author TEXT,
            place TEXT,
            tags TEXT NOT NULL,
            fingerprint TEXT NOT NULL,
            ingested_at TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS articles_published ON articles(published);
        CREATE INDEX IF NOT EXISTS articles_source ON articles(source COLLATE NOCASE);
        CREATE TABLE IF NOT EXISTS article_tags (
            tag TEXT NOT NULL,
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            PRIMARY KEY (tag, article_id)) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS article_tags_article ON article_tags(article_id);
        CREATE TABLE IF NOT EXISTS chunks (
            rowid INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            ordinal INTEGER NOT NULL,
            start INTEGER NOT NULL,
            end INTEGER NOT NULL,
            text TEXT NOT NULL,
            context TEXT NOT NULL,
            page INTEGER);
        CREATE INDEX IF NOT EXISTS chunks_article ON chunks(article_id);
        CREATE TABLE IF NOT EXISTS chunk_vectors (
            chunk_rowid INTEGER NOT NULL REFERENCES chunks(rowid) ON DELETE CASCADE,
            vector BLOB NOT NULL);
        CREATE INDEX IF NOT EXISTS chunk_vectors_chunk ON chunk_vectors(chunk_rowid);
        CREATE TABLE IF NOT EXISTS term_df (term TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;
        CREATE VIRTUAL TABLE IF NOT EXISTS chunk_fts USING fts5(context, body, pairs, content='', contentless_delete=1, tokenize="unicode61 tokenchars '_'");
        """;

    public static async Task EnsureAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using (var create = connection.CreateCommand())
        {
            create.CommandText = Create;
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
        var stored = await SqliteMeta.GetAsync(connection, "schema_version", cancellationToken);
        if (stored is null)
            await SqliteMeta.SetAsync(connection, "schema_version", Version.ToString(), cancellationToken);
        else if (!int.TryParse(stored, out var version) || version > Version)
            throw new Bot.Core.Retrieval.ArchiveException(
                $"The archive at {connection.DataSource} has schema version {stored}; this version of the bot reads version {Version}.");
        else
            for (; version < Version; version++) await UpgradeAsync(connection, version, cancellationToken);
        await SqliteLexicalIndex.EnsureCurrentAsync(connection, cancellationToken);
    }

    private static async Task UpgradeAsync(SqliteConnection connection, int from, CancellationToken cancellationToken)
    {
        await using var transaction = connection.BeginTransaction(deferred: false);
        // Another process may have upgraded the file between our read and the write lock.
        if (await SqliteMeta.GetAsync(connection, "schema_version", cancellationToken, transaction) != from.ToString()) return;
        await using (var upgrade = connection.CreateCommand())
        {
            upgrade.Transaction = transaction;
            upgrade.CommandText = Upgrades[from];
            await upgrade.ExecuteNonQueryAsync(cancellationToken);
        }
        await SqliteMeta.SetAsync(connection, "schema_version", (from + 1).ToString(), cancellationToken, transaction);
        await transaction.CommitAsync(cancellationToken);
    }
}
