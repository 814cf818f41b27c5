using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Bot.Core.Sources;
using Microsoft.Data.Sqlite;

namespace Bot.Storage.Sqlite;

/// <summary>
/// Sources in SQLite: sources (definitions added at run time), source_state (each source's state) and
/// source_items (what each source has listed, with validators and failures). Beside the articles in archive.db
/// for the embedded store; in a file of its own in the data folder when the articles live in Qdrant.
/// </summary>
public sealed class SqliteSourceStateStore(string databasePath) : ISourceStateStore
{
    private const string Create = """
        CREATE TABLE IF NOT EXISTS sources (name TEXT PRIMARY KEY COLLATE NOCASE, definition TEXT NOT NULL, added_at TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS source_state (name TEXT PRIMARY KEY COLLATE NOCASE, state TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS source_items (
            source TEXT NOT NULL COLLATE NOCASE,
            key TEXT NOT NULL,
            etag TEXT,
            last_modified TEXT,
            listed TEXT,
            first_seen TEXT NOT NULL,
            last_seen TEXT NOT NULL,
            error TEXT,
            failures INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (source, key)) WITHOUT ROWID;
        """;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private readonly string connectionString = new SqliteConnectionStringBuilder
    {
        DataSource = Path.GetFullPath(databasePath), Mode = SqliteOpenMode.ReadWriteCreate, Pooling = true, DefaultTimeout = 30,
    }.ToString();
    private readonly SemaphoreSlim writeLock = new(1, 1);
    private volatile bool created;

    public async Task<IReadOnlyList<SourceDefinition>> GetAddedAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, "SELECT definition FROM sources ORDER BY name");
        var sources = new List<SourceDefinition>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            sources.Add(JsonSerializer.Deserialize<SourceDefinition>(reader.GetString(0), Json)! with { Origin = SourceOrigin.Added });
        return sources;
    }

    public Task<bool> AddAsync(SourceDefinition source, CancellationToken cancellationToken = default) =>
        WriteAsync(async connection =>
        {
            await using var command = Command(connection, "INSERT OR IGNORE INTO sources (name, definition, added_at) VALUES ($name, $definition, $now)",
                ("$name", source.Name), ("$definition", JsonSerializer.Serialize(source, Json)), ("$now", Now()));
            return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
        }, cancellationToken);

    public Task<bool> RemoveAsync(string name, CancellationToken cancellationToken = default) =>
        WriteAsync(async connection =>
        {
            await using var transaction = connection.BeginTransaction(deferred: false);
            var removed = 0;
            foreach (var table in new[] { "sources", "source_state" })
            {
                await using var command = Command(connection, $"DELETE FROM {table} WHERE name = $name", ("$name", name));
                command.Transaction = transaction;
                removed += await command.ExecuteNonQueryAsync(cancellationToken);
            }
            await using (var items = Command(connection, "DELETE FROM source_items WHERE source = $name", ("$name", name)))
            {
                items.Transaction = transaction;
                await items.ExecuteNonQueryAsync(cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
            return removed > 0;
        }, cancellationToken);

    public async Task<IReadOnlyDictionary<string, SourceState>> GetStatesAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, "SELECT state FROM source_state");
        var states = new Dictionary<string, SourceState>(StringComparer.OrdinalIgnoreCase);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var state = JsonSerializer.Deserialize<SourceState>(reader.GetString(0), Json)!;
            states[state.Name] = state;
        }
        return states;
    }

    public Task SaveStateAsync(SourceState state, CancellationToken cancellationToken = default) =>
        WriteAsync(async connection =>
        {
            await using var command = Command(connection,
                "INSERT INTO source_state (name, state) VALUES ($name, $state) ON CONFLICT(name) DO UPDATE SET state = excluded.state",
                ("$name", state.Name), ("$state", JsonSerializer.Serialize(state, Json)));
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);

    public async Task<IReadOnlyDictionary<string, SourceItemState>> GetItemsAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection,
            "SELECT key, etag, last_modified, listed, first_seen, last_seen, error, failures FROM source_items WHERE source = $name", ("$name", name));
        var items = new Dictionary<string, SourceItemState>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items[reader.GetString(0)] = new SourceItemState
            {
                Key = reader.GetString(0),
                ETag = SqliteValues.NullableString(reader, 1),
                LastModified = SqliteValues.NullableString(reader, 2),
                Listed = SqliteValues.NullableString(reader, 3),
                FirstSeen = SqliteValues.ParseDate(reader, 4)!.Value,
                LastSeen = SqliteValues.ParseDate(reader, 5)!.Value,
                Error = SqliteValues.NullableString(reader, 6),
                Failures = reader.GetInt32(7),
            };
        }
        return items;
    }

    public Task SaveItemsAsync(string name, IReadOnlyCollection<SourceItemState> items, CancellationToken cancellationToken = default) =>
        items.Count == 0 ? Task.CompletedTask : WriteAsync(async connection =>
        {
            await using var transaction = connection.BeginTransaction(deferred: false);
            await using var upsert = Command(connection, """
                INSERT INTO source_items (source, key, etag, last_modified, listed, first_seen, last_seen, error, failures)
                VALUES ($source, $key, $etag, $modified, $listed, $first, $last, $error, $failures)
                ON CONFLICT(source, key) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,
                    listed = excluded.listed, last_seen = excluded.last_seen, error = excluded.error, failures = excluded.failures
                """, ("$source", name), ("$key", ""), ("$etag", null), ("$modified", null), ("$listed", null), ("$first", ""),
                ("$last", ""), ("$error", null), ("$failures", 0));
            upsert.Transaction = transaction;
            foreach (var item in items)
            {
                upsert.Parameters["$key"].Value = item.Key;
                upsert.Parameters["$etag"].Value = (object?)item.ETag ?? DBNull.Value;
                upsert.Parameters["$modified"].Value = (object?)item.LastModified ?? DBNull.Value;
                upsert.Parameters["$listed"].Value = (object?)item.Listed ?? DBNull.Value;
                upsert.Parameters["$first"].Value = SqliteValues.FormatDate(item.FirstSeen);
                upsert.Parameters["$last"].Value = SqliteValues.FormatDate(item.LastSeen);
                upsert.Parameters["$error"].Value = (object?)item.Error ?? DBNull.Value;
                upsert.Parameters["$failures"].Value = item.Failures;
                await upsert.ExecuteNonQueryAsync(cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
            return items.Count;
        }, cancellationToken);

    /// <summary>Writes one at a time in this process; other processes wait on SQLite's lock (busy timeout).</summary>
    private async Task<T> WriteAsync<T>(Func<SqliteConnection, Task<T>> write, CancellationToken cancellationToken)
    {
        await writeLock.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            return await write(connection);
        }
        finally
        {
            writeLock.Release();
        }
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(databasePath))!);
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var setup = connection.CreateCommand();
        setup.CommandText = "PRAGMA busy_timeout = 30000; PRAGMA synchronous = NORMAL;" + (created ? "" : "PRAGMA journal_mode = WAL;" + Create);
        await setup.ExecuteNonQueryAsync(cancellationToken);
        created = true;
        return connection;
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    private static string Now() => DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
}
