using MedPlatform.Hosting;
using MedPlatform.Storage;
using Microsoft.Data.Sqlite;

namespace MedPlatform.Grains.Tests;

/// <summary>Embedded mode writes each SQLite file through one kept connection: it must survive a failed statement, concurrency and being closed.</summary>
public sealed class SqliteWriterTests : IAsyncLifetime
{
    private MigratedSqliteFile file = null!;
    private SqlDatabase database = null!;

    public async Task InitializeAsync()
    {
        file = await MigratedSqliteFile.CreateAsync(Databases.Platform);
        database = file.Database;
    }

    [Fact]
    public async Task Concurrent_writes_all_land()
    {
        await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Insert($"key-{i}")));

        Assert.Equal(200, await database.CountAsync("SELECT COUNT(*) FROM grain_state WHERE provider = 'writer-test';"));
    }

    [Fact]
    public async Task A_failed_write_leaves_the_next_ones_working()
    {
        await Insert("once");

        await Assert.ThrowsAsync<SqliteException>(() => database.ExecuteAsync("INSERT INTO no_such_table VALUES (1);"));
        await Assert.ThrowsAnyAsync<Exception>(() => database.InTransactionAsync(async (connection, transaction) =>
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "INSERT INTO grain_state (provider, state_name, grain_id, payload, version, modified_at) VALUES ('writer-test', 's', 'in-tx', NULL, 1, 0);";
            await command.ExecuteNonQueryAsync();
            throw new InvalidOperationException("the work fails after its first statement");
        }));
        await Insert("after");

        Assert.Equal(2, await database.CountAsync("SELECT COUNT(*) FROM grain_state WHERE provider = 'writer-test';"));
    }

    [Fact]
    public async Task Checkpoints_beside_the_writer_copy_the_log_into_the_database_file()
    {
        await Task.WhenAll(Enumerable.Range(0, 100).Select(i => Insert($"logged-{i}")));
        // The writer's own automatic checkpoint waits for a log 10,000 pages long: only the one beside it copies these.
        await Task.Delay(TimeSpan.FromMilliseconds(600));
        await Insert("after-a-pause");

        var path = new SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
        var rowsInTheFileAlone = 0L;
        for (var tries = 0; tries < 50 && rowsInTheFileAlone < 101; tries++)
        {
            await Task.Delay(100);
            // The database file without its log: what a checkpoint has copied, and nothing else.
            var copy = Path.Combine(Path.GetDirectoryName(path)!, $"copy-{tries}.db");
            File.Copy(path, copy);
            await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = copy, Pooling = false }.ToString());
            await connection.OpenAsync();
            await using var count = connection.CreateCommand();
            // Until the first checkpoint even the schema is only in the log: no table yet is no rows yet.
            count.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE name = 'grain_state';";
            if ((long)(await count.ExecuteScalarAsync())! == 0)
                continue;
            count.CommandText = "SELECT COUNT(*) FROM grain_state WHERE provider = 'writer-test';";
            rowsInTheFileAlone = (long)(await count.ExecuteScalarAsync())!;
        }

        Assert.Equal(101, rowsInTheFileAlone);
    }

    [Fact]
    public async Task Statements_that_queue_while_a_write_runs_commit_together()
    {
        var gate = new TaskCompletionSource();
        var holding = database.InTransactionAsync(async (_, _) => await gate.Task);
        var commitsBefore = database.SqliteCommits;
        var queued = Enumerable.Range(0, 5).Select(i => Insert($"queued-{i}")).ToList();

        gate.SetResult();
        await holding;
        var inserted = await Task.WhenAll(queued);

        Assert.Equal([1, 1, 1, 1, 1], inserted);
        Assert.Equal(5, await database.CountAsync("SELECT COUNT(*) FROM grain_state WHERE provider = 'writer-test';"));
        // The held write, then the five in one transaction.
        Assert.Equal(commitsBefore + 2, database.SqliteCommits);
    }

    [Fact]
    public async Task A_statement_that_fails_in_a_batch_fails_alone_and_the_others_commit()
    {
        var gate = new TaskCompletionSource();
        var holding = database.InTransactionAsync(async (_, _) => await gate.Task);
        var first = Insert("first");
        var badSql = database.ExecuteAsync("INSERT INTO no_such_table VALUES (1);");
        var duplicate = Insert("first");
        var second = Insert("second");

        gate.SetResult();
        await holding;

        await Assert.ThrowsAsync<SqliteException>(() => badSql);
        await Assert.ThrowsAsync<SqliteException>(() => duplicate);
        var inserted = await Task.WhenAll(first, second);
        Assert.Equal([1, 1], inserted);
        Assert.Equal(2, await database.CountAsync("SELECT COUNT(*) FROM grain_state WHERE provider = 'writer-test';"));
        await Insert("after");
        Assert.Equal(3, await database.CountAsync("SELECT COUNT(*) FROM grain_state WHERE provider = 'writer-test';"));
    }

    [Fact]
    public async Task Closing_keeps_what_was_written_and_the_next_write_reopens()
    {
        await Insert("before");
        await database.CloseAsync();
        await Insert("after");

        Assert.Equal(2, await database.CountAsync("SELECT COUNT(*) FROM grain_state WHERE provider = 'writer-test';"));
    }

    private Task<int> Insert(string grain) => database.ExecuteAsync(
        "INSERT INTO grain_state (provider, state_name, grain_id, payload, version, modified_at) VALUES ('writer-test', 's', @grain, NULL, 1, 0);",
        command => command.Bind("grain", grain));

    public async Task DisposeAsync() => await file.DisposeAsync();
}
