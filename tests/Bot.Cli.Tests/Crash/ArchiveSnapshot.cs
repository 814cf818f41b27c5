using System.Security.Cryptography;
using System.Text;
using Bot.Core.Chunking;
using Microsoft.Data.Sqlite;

namespace Bot.Cli.Tests.Crash;

/// <summary>
/// What an archive folder holds, read straight from its SQLite file after checking it is whole: the file
/// passes integrity_check, every article has all its chunks (ordinals 0..n-1, each exactly its article's text
/// at its offsets, each in the full-text index), and, when vectors are expected, every chunk its vectors.
/// The digests let two archives be compared exactly.
/// </summary>
internal sealed record ArchiveSnapshot(
    long Articles, long Chunks, long ChunksWithVectors, IReadOnlyDictionary<string, string> Fingerprints, string ChunkDigest, string TermDigest)
{
    public static readonly ArchiveSnapshot Empty = new(0, 0, 0, new Dictionary<string, string>(), "", "");

    public static ArchiveSnapshot ReadAndCheck(string dataDirectory, bool vectors)
    {
        var path = Path.Combine(dataDirectory, "archive.db");
        if (!File.Exists(path)) return Empty;
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        Assert.Equal("ok", Scalar<string>(connection, "PRAGMA integrity_check"));
        if (Scalar<long>(connection, "SELECT count(*) FROM sqlite_master WHERE name = 'articles'") == 0) return Empty;

        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        var fingerprints = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in Rows(connection, "SELECT id, text, fingerprint FROM articles"))
        {
            texts[(string)row[0]] = (string)row[1];
            fingerprints[(string)row[0]] = (string)row[2];
        }

        var chunkLines = new List<string>();
        var ordinals = new Dictionary<string, List<long>>(StringComparer.Ordinal);
        foreach (var row in Rows(connection, """
            SELECT c.id, c.article_id, c.ordinal, c.start, c.end, c.text, (SELECT count(*) FROM chunk_vectors v WHERE v.chunk_rowid = c.rowid)
            FROM chunks c ORDER BY c.id
            """))
        {
            var (id, articleId, ordinal, start, end, text, vectorCount) = ((string)row[0], (string)row[1], (long)row[2], (int)(long)row[3], (int)(long)row[4], (string)row[5], (long)row[6]);
            Assert.True(texts.TryGetValue(articleId, out var articleText), $"chunk {id} belongs to no article");
            Assert.Equal(Chunk.MakeId(articleId, (int)ordinal), id);
            Assert.Equal(articleText[start..end], text);
            if (vectors) Assert.True(vectorCount > 0, $"chunk {id} has no vector");
            (ordinals.TryGetValue(articleId, out var list) ? list : ordinals[articleId] = []).Add(ordinal);
            chunkLines.Add($"{id}:{start}:{end}:{vectorCount}");
        }
        foreach (var articleId in texts.Keys)
        {
            Assert.True(ordinals.TryGetValue(articleId, out var list), $"article {articleId} has no chunks");
            Assert.Equal(Enumerable.Range(0, list.Count).Select(i => (long)i), list.Order());
        }
        var chunks = Scalar<long>(connection, "SELECT count(*) FROM chunks");
        Assert.Equal(chunks, Scalar<long>(connection, "SELECT count(*) FROM chunk_fts"));
        var terms = Rows(connection, "SELECT term, df FROM term_df ORDER BY term").Select(r => $"{r[0]}:{r[1]}");

        return new ArchiveSnapshot(
            texts.Count,
            chunks,
            Scalar<long>(connection, "SELECT count(DISTINCT chunk_rowid) FROM chunk_vectors"),
            fingerprints,
            Digest(chunkLines),
            Digest(terms));
    }

    private static T Scalar<T>(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)command.ExecuteScalar()!;
    }

    private static List<object[]> Rows(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object[]>();
        while (reader.Read())
        {
            var row = new object[reader.FieldCount];
            reader.GetValues(row);
            rows.Add(row);
        }
        return rows;
    }

    private static string Digest(IEnumerable<string> lines) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', lines))));
}
