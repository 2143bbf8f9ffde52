using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace MedPlatform.Storage;

/// <summary>
/// The one connection this process writes a SQLite file through, one write (or batch) at a time.
/// SQLite allows one writer at a time and answers a second with SQLITE_BUSY, which the driver
/// retries by sleeping; queueing this process's writes here instead keeps a busy moment from
/// turning into a stall (p99 of order processing 792 ms before, see docs/benchmarks.md). Keeping
/// the connection open with its statements prepared spares every write an open, a PRAGMA and a
/// parse of its SQL. Closed, it reopens on the next write.
/// <para>
/// Single statements that queue up while a write runs are committed together (group commit):
/// one transaction, opened and closed by prepared statements, shares a commit's locks and log
/// writes among them. Each is answered only after that commit. If one of them fails, the batch
/// is rolled back and each runs again alone, so a failure is answered to its own caller only.
/// </para>
/// <para>
/// Checkpoints (copying the write-ahead log into the database file, with two fsyncs) run beside
/// the writer on a connection of their own, not inside a commit: SQLite's automatic checkpoint
/// runs in the commit that fills the log past 1,000 pages, and every write queued here waited for
/// it (answers' p99 7.1–8.1 ms with it, 4.2–6.9 ms without, docs/benchmarks.md). The writer's own
/// automatic checkpoint stays as a backstop, at a log ten times that size.
/// </para>
/// </summary>
internal sealed class SqliteWriter(Func<CancellationToken, Task<DbConnection>> open)
{
    // The platform's write statements are a fixed set; the bound only guards against one built per call.
    private const int MaxPreparedStatements = 128;
    // One batch is one transaction: bounded so that the first write's wait stays short.
    private const int MaxBatch = 64;
    // Pages of log (4 KiB each) past which the writer checkpoints itself: only if the checkpoints beside it fall behind.
    private const int BackstopCheckpointPages = 10_000;
    // How often, while writes go on, a checkpoint beside the writer starts.
    private static readonly TimeSpan CheckpointEvery = TimeSpan.FromMilliseconds(500);

    /// <param name="OwnTransaction">Work that opens its own transaction (several statements) runs alone, never in a batch.</param>
    private sealed record PendingWrite(Func<DbConnection, Task<int>> Work, bool OwnTransaction, CancellationToken Cancellation)
    {
        // Answered callers continue elsewhere: outside a grain, a caller's next write would otherwise run as a nested turn on this stack.
        public TaskCompletionSource<int> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public (int Result, Exception? Failure)? Outcome { get; set; }
    }

    private readonly ConcurrentQueue<PendingWrite> pending = new();
    private readonly Dictionary<string, DbCommand> prepared = new(StringComparer.Ordinal);
    // 1 while one caller runs a batch; only that caller touches the connection and the prepared statements.
    private int writing;
    private DbConnection? connection;
    private long commits;
    private long commitsAtCheckpoint;
    private long lastCheckpointStarted = Environment.TickCount64;
    private readonly Lock checkpointLock = new();
    private Task checkpoint = Task.CompletedTask;

    /// <summary>Transactions committed, a batch counting once: beside the number of writes, how much group commit saved.</summary>
    public long Commits => Interlocked.Read(ref commits);

    public Task<int> ExecuteAsync(string sql, Action<DbCommand>? bind, CancellationToken cancellationToken) =>
        SubmitAsync(new PendingWrite(connection => RunPreparedAsync(connection, sql, bind, cancellationToken), OwnTransaction: false, cancellationToken));

    public Task InTransactionAsync(Func<DbConnection, DbTransaction, Task> work, CancellationToken cancellationToken) =>
        SubmitAsync(new PendingWrite(async connection =>
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await work(connection, transaction);
            await transaction.CommitAsync(cancellationToken);
            return 0;
        }, OwnTransaction: true, cancellationToken));

    /// <summary>
    /// Queues the write; if nothing is being written, this caller writes now (no thread hop when
    /// writes do not overlap). Writes queued meanwhile are run by a follow-up batch.
    /// </summary>
    private async Task<int> SubmitAsync(PendingWrite write)
    {
        pending.Enqueue(write);
        if (Interlocked.CompareExchange(ref writing, 1, 0) == 0)
            await RunOneTurnAsync();
        return await write.Done.Task;
    }

    private async Task RunOneTurnAsync()
    {
        var batch = TakeBatch();
        Exception? unexpected = null;
        try
        {
            await RunAsync(batch);
        }
        catch (Exception failure)
        {
            unexpected = failure;
        }
        finally
        {
            ReleaseTurn();
        }
        MaybeCheckpoint();
        // Answered after the turn is released, so the next turn need not wait for these.
        foreach (var write in batch)
        {
            if (write.Outcome is not { } outcome)
                write.Done.TrySetException(unexpected ?? new InvalidOperationException("The write was not run."));
            else if (outcome.Failure is OperationCanceledException && write.Cancellation.IsCancellationRequested)
                write.Done.TrySetCanceled(write.Cancellation);
            else if (outcome.Failure is { } failure)
                write.Done.TrySetException(failure);
            else
                write.Done.TrySetResult(outcome.Result);
        }
    }

    private void ReleaseTurn()
    {
        // A full fence: the queue must be read after `writing` is seen as 0, or a write queued
        // meanwhile could find `writing` still set and nobody left to start its turn.
        Interlocked.Exchange(ref writing, 0);
        // A write queued after the batch was taken found `writing` set and waits: start its turn,
        // without carrying this caller's context (its grain, trace and request) into it.
        if (!pending.IsEmpty && Interlocked.CompareExchange(ref writing, 1, 0) == 0)
        {
            using (ExecutionContext.SuppressFlow())
                _ = Task.Run(RunOneTurnAsync);
        }
    }

    /// <summary>The next write, and the single statements queued right behind it.</summary>
    private List<PendingWrite> TakeBatch()
    {
        var batch = new List<PendingWrite>();
        while (batch.Count < MaxBatch && pending.TryPeek(out var next)
               && (batch.Count == 0 || (!next.OwnTransaction && !batch[0].OwnTransaction))
               && pending.TryDequeue(out next))
        {
            if (next.Cancellation.IsCancellationRequested)
                next.Done.TrySetCanceled(next.Cancellation);
            else
                batch.Add(next);
        }
        return batch;
    }

    private async Task RunAsync(List<PendingWrite> batch)
    {
        if (batch.Count == 0)
            return;
        if (batch.Count == 1 || !await TryRunTogetherAsync(batch))
        {
            foreach (var write in batch)
                write.Outcome = await RunAloneAsync(write);
        }
    }

    private async Task<(int, Exception?)> RunAloneAsync(PendingWrite write)
    {
        try
        {
            connection ??= await OpenWriterAsync();
            var result = await write.Work(connection);
            Interlocked.Increment(ref commits);
            return (result, null);
        }
        catch (Exception failure)
        {
            // After a failure the connection's state is not known (a broken handle, a statement
            // left half-run): the next write starts on a fresh one.
            await CloseConnectionAsync();
            return (0, failure);
        }
    }

    /// <summary>All of the batch committed in one transaction, or none of it (false).</summary>
    private async Task<bool> TryRunTogetherAsync(List<PendingWrite> batch)
    {
        try
        {
            connection ??= await OpenWriterAsync();
            await RunPreparedAsync(connection, "BEGIN IMMEDIATE;", null, CancellationToken.None);
            var results = new int[batch.Count];
            for (var i = 0; i < batch.Count; i++)
                results[i] = await batch[i].Work(connection);
            await RunPreparedAsync(connection, "COMMIT;", null, CancellationToken.None);
            Interlocked.Increment(ref commits);
            for (var i = 0; i < batch.Count; i++)
                batch[i].Outcome = (results[i], null);
            return true;
        }
        catch
        {
            // Nothing of the batch is kept: each write then runs alone, on a fresh connection.
            await RollBackAsync();
            await CloseConnectionAsync();
            return false;
        }
    }

    /// <summary>
    /// A transaction begun by a statement is not the driver's: closed with it open, the connection
    /// would go back to the pool still holding the write lock. Roll it back, or keep that connection out of the pool.
    /// </summary>
    private async Task RollBackAsync()
    {
        if (connection is not SqliteConnection { Handle: { } handle } sqlite || raw.sqlite3_get_autocommit(handle) != 0)
            return;
        try
        {
            await using var rollback = sqlite.CreateCommand();
            rollback.CommandText = "ROLLBACK;";
            await rollback.ExecuteNonQueryAsync();
        }
        catch (Exception)
        {
            // Still inside the transaction: this connection must not go back to the pool.
            SqliteConnection.ClearPool(sqlite);
        }
    }

    private async Task<DbConnection> OpenWriterAsync()
    {
        var opened = await open(CancellationToken.None);
        await using var pragma = opened.CreateCommand();
        pragma.CommandText = $"PRAGMA wal_autocheckpoint = {BackstopCheckpointPages};";
        await pragma.ExecuteNonQueryAsync();
        return opened;
    }

    /// <summary>Starts a checkpoint beside the writer if writes were committed since the last one and none runs.</summary>
    private void MaybeCheckpoint()
    {
        var now = Environment.TickCount64;
        if (Interlocked.Read(ref commits) == Interlocked.Read(ref commitsAtCheckpoint) || now - Interlocked.Read(ref lastCheckpointStarted) < CheckpointEvery.TotalMilliseconds)
            return;
        lock (checkpointLock)
        {
            if (!checkpoint.IsCompleted)
                return;
            Interlocked.Exchange(ref lastCheckpointStarted, now);
            Interlocked.Exchange(ref commitsAtCheckpoint, Interlocked.Read(ref commits));
            using (ExecutionContext.SuppressFlow())
                checkpoint = Task.Run(CheckpointAsync);
        }
    }

    private async Task CheckpointAsync()
    {
        try
        {
            await using var checkpointer = await open(CancellationToken.None);
            await using var command = checkpointer.CreateCommand();
            // PASSIVE: copies what it can without waiting for the writer or for readers, who go on meanwhile.
            command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
            await command.ExecuteNonQueryAsync();
        }
        catch (DbException)
        {
            // Nothing is lost: the log keeps every commit, the next checkpoint copies it, and the backstop bounds its size.
        }
    }

    private async Task<int> RunPreparedAsync(DbConnection connection, string sql, Action<DbCommand>? bind, CancellationToken cancellationToken)
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
        await checkpoint;
        while (Interlocked.CompareExchange(ref writing, 1, 0) != 0)
            await Task.Delay(1);
        try
        {
            await CloseConnectionAsync();
        }
        finally
        {
            ReleaseTurn();
        }
    }

    private async Task CloseConnectionAsync()
    {
        var (closing, statements) = (connection, prepared.Values.ToList());
        // Forgotten first: whatever disposing throws, the next write starts on a fresh connection.
        connection = null;
        prepared.Clear();
        foreach (var command in statements)
            await command.DisposeAsync();
        if (closing is not null)
            await closing.DisposeAsync();
    }
}
