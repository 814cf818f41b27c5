using Microsoft.Data.Sqlite;

namespace Bot.Storage.Sqlite;

internal static class SqliteMeta
{
    public static async Task<string?> GetAsync(SqliteConnection connection, string key, CancellationToken cancellationToken, SqliteTransaction? transaction = null)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT value FROM meta WHERE key = $key";
        command.Parameters.AddWithValue("$key", key);
        return (string?)await command.ExecuteScalarAsync(cancellationToken);
    }

    public static async Task SetAsync(SqliteConnection connection, string key, string value, CancellationToken cancellationToken, SqliteTransaction? transaction = null)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO meta(key, value) VALUES ($key, $value) ON CONFLICT(key) DO UPDATE SET value = excluded.value";
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$value", value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Marks that the archive's content changed, so caches keyed by the generation (chunk count, dense snapshot) refresh.</summary>
    public static Task BumpGenerationAsync(SqliteConnection connection, CancellationToken cancellationToken, SqliteTransaction transaction) =>
        SetAsync(connection, "generation", Guid.NewGuid().ToString("N"), cancellationToken, transaction);
}
