using System.Diagnostics;
using MySqlConnector;

namespace MedPlatform.TestSupport;

/// <summary>
/// The write ceiling of cluster mode: single-row transactions committed one after another into a
/// throwaway MariaDB (Debian's, InnoDB with its default durability: the log flushed at every commit).
/// </summary>
public static class MariaDbCommitCeiling
{
    /// <summary>On a throwaway server of its own.</summary>
    public static async Task<double> CommitsPerSecondAsync(TimeSpan duration)
    {
        await using var server = await MariaDbServer.StartNewAsync();
        return await CommitsPerSecondAsync(server, duration);
    }

    /// <summary>On <paramref name="server"/>, in a database of its own.</summary>
    public static async Task<double> CommitsPerSecondAsync(MariaDbServer server, TimeSpan duration)
    {
        await using (var setup = new MySqlConnection(server.ConnectionString("mysql")))
        {
            await setup.OpenAsync();
            await new MySqlCommand("CREATE DATABASE ceiling; CREATE TABLE ceiling.commit_rows (id BIGINT AUTO_INCREMENT PRIMARY KEY, payload TEXT NOT NULL) ENGINE=InnoDB;", setup)
                .ExecuteNonQueryAsync();
        }
        await using var connection = new MySqlConnection(server.ConnectionString("ceiling"));
        await connection.OpenAsync();
        await using var insert = new MySqlCommand("INSERT INTO commit_rows (payload) VALUES (@payload);", connection);
        insert.Parameters.AddWithValue("@payload", new string('x', 200));
        var clock = Stopwatch.StartNew();
        long commits = 0;
        while (clock.Elapsed < duration)
        {
            await using var transaction = await connection.BeginTransactionAsync();
            insert.Transaction = transaction;
            await insert.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
            commits++;
        }
        return commits / clock.Elapsed.TotalSeconds;
    }
}
