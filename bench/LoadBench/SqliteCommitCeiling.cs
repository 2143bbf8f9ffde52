using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace MedPlatform.LoadBench;

/// <summary>
/// The write ceiling of embedded mode: single-row transactions committed one after another into a
/// SQLite file with the settings the platform uses (WAL, synchronous = NORMAL).
/// </summary>
public static class SqliteCommitCeiling
{
    public static async Task<double> CommitsPerSecondAsync(TimeSpan duration)
    {
        var directory = Directory.CreateTempSubdirectory("medplatform-commit-ceiling-").FullName;
        try
        {
            await using var connection = new SqliteConnection($"Data Source={Path.Combine(directory, "ceiling.db")};Pooling=false");
            await connection.OpenAsync();
            await Execute(connection, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; CREATE TABLE rows (id INTEGER PRIMARY KEY, payload TEXT NOT NULL);");
            await using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO rows (payload) VALUES ($payload);";
            insert.Parameters.AddWithValue("$payload", new string('x', 200));
            var clock = Stopwatch.StartNew();
            long commits = 0;
            while (clock.Elapsed < duration)
            {
                await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
                insert.Transaction = transaction;
                await insert.ExecuteNonQueryAsync();
                await transaction.CommitAsync();
                commits++;
            }
            return commits / clock.Elapsed.TotalSeconds;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task Execute(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
