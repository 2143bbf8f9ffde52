using System.Data.Common;

namespace MedPlatform.Storage;

/// <summary>
/// The one connection this process writes a SQLite file through, one write at a time.
/// SQLite allows one writer at a time and answers a second with SQLITE_BUSY, which the driver
/// retries by sleeping; queueing this process's writes here instead keeps a busy moment from
/// turning into a stall (p99 of order processing 792 ms before, see docs/benchmarks.md). Keeping
/// the connection open with its statements prepared spares every write an open, a PRAGMA and a
/// parse of its SQL. Closed, it reopens on the next write.
/// </summary>
internal sealed class SqliteWriter(Func<CancellationToken, Task<DbConnection>> open)
{
    // The platform's write statements are a fixed set; the bound only guards against one built per call.
    private const int MaxPreparedStatements = 128;

    private readonly SemaphoreSlim turn = new(1, 1);
    private readonly Dictionary<string, DbCommand> prepared = new(StringComparer.Ordinal);
    private DbConnection? connection;

    public Task<int> ExecuteAsync(string sql, Action<DbCommand>? bind, CancellationToken cancellationToken) =>
        WithConnectionAsync(async connection =>
        {
            var (command, kept) = Prepared(connection, sql);
            try
            {
                command.Parameters.Clear();
                bind?.Invoke(command);
                return await command.ExecuteNonQueryAsync(cancellationToken);
            }
            finally
            {
                if (!kept)
                    await command.DisposeAsync();
            }
        }, cancellationToken);

    public Task InTransactionAsync(Func<DbConnection, DbTransaction, Task> work, CancellationToken cancellationToken) =>
        WithConnectionAsync(async connection =>
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await work(connection, transaction);
            await transaction.CommitAsync(cancellationToken);
            return 0;
        }, cancellationToken);

    private async Task<T> WithConnectionAsync<T>(Func<DbConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        await turn.WaitAsync(cancellationToken);
        try
        {
            connection ??= await open(cancellationToken);
            return await work(connection);
        }
        catch
        {
            // After a failure the connection's state is not known (a broken handle, a statement
            // left half-run): the next write starts on a fresh one.
            await CloseConnectionAsync();
            throw;
        }
        finally
        {
            turn.Release();
        }
    }

    private (DbCommand Command, bool Kept) Prepared(DbConnection connection, string sql)
    {
        if (prepared.TryGetValue(sql, out var command))
            return (command, true);
        command = connection.CreateCommand();
        command.CommandText = sql;
        if (prepared.Count >= MaxPreparedStatements)
            return (command, false);
        prepared[sql] = command;
        return (command, true);
    }

    /// <summary>Closes the connection when the silo stops; a later write opens a new one.</summary>
    public async Task CloseAsync()
    {
        await turn.WaitAsync();
        try
        {
            await CloseConnectionAsync();
        }
        finally
        {
            turn.Release();
        }
    }

    private async Task CloseConnectionAsync()
    {
        foreach (var command in prepared.Values)
            await command.DisposeAsync();
        prepared.Clear();
        if (connection is not null)
            await connection.DisposeAsync();
        connection = null;
    }
}
