using System.Data.Common;
using Microsoft.Data.Sqlite;
using MySqlConnector;

namespace MedPlatform.Storage;

/// <summary>
/// One relational database the silo uses, in either dialect: Orleans' grain storage and reminders
/// point at it, and the read models and audit log query it directly. Small on purpose: plain
/// parameterised SQL, no ORM, so what runs against the database is what you read here.
/// </summary>
public sealed class SqlDatabase
{
    private readonly DbProviderFactory factory;
    private readonly SqliteWriter? sqliteWriter;

    public SqlDatabase(string name, SqlDialect dialect, string connectionString)
    {
        Name = name;
        Dialect = dialect;
        (factory, ConnectionString) = dialect switch
        {
            SqlDialect.Sqlite => ((DbProviderFactory)SqliteFactory.Instance, connectionString),
            // The Orleans write query keeps user variables between statements (and sets them before
            // reading them, so none leak from one use of a pooled connection to the next). No reset
            // on taking a connection from the pool: it cost the server a reset and a SET NAMES per
            // open (a third of its statements under order load); nothing here leaves session state
            // behind, and a pooled connection is still pinged before reuse, which is what notices
            // one a database restart has broken.
            SqlDialect.MySql => (MySqlConnectorFactory.Instance,
                new MySqlConnectionStringBuilder(connectionString) { AllowUserVariables = true, ConnectionReset = false }.ConnectionString),
            _ => throw new ArgumentOutOfRangeException(nameof(dialect)),
        };
        sqliteWriter = dialect == SqlDialect.Sqlite ? new SqliteWriter(OpenAsync) : null;
    }

    /// <summary>The logical database ("platform", "orders"): also the folder of its schema scripts.</summary>
    public string Name { get; }
    public SqlDialect Dialect { get; }
    public string ConnectionString { get; }

    /// <summary>The ADO.NET invariant Orleans' providers use to open this database.</summary>
    public string AdoNetInvariant => Dialect == SqlDialect.Sqlite ? "Microsoft.Data.Sqlite" : "MySql.Data.MySqlConnector";

    public static SqlDatabase SqliteFile(string name, string path) =>
        new(name, SqlDialect.Sqlite, new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Pooling = true,
            // Waits this long for another writer instead of failing with SQLITE_BUSY.
            DefaultTimeout = 30,
        }.ToString());

    /// <summary>A connection that may write.</summary>
    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        var connection = await OpenForReadingAsync(cancellationToken);
        if (Dialect == SqlDialect.Sqlite)
        {
            // With the write-ahead log, NORMAL survives any crash of this process (only an OS
            // crash or power cut can lose the last commits) and spares an fsync per commit.
            await using var pragma = connection.CreateCommand();
            pragma.CommandText = "PRAGMA synchronous = NORMAL;";
            await pragma.ExecuteNonQueryAsync(cancellationToken);
        }
        return connection;
    }

    /// <summary>A statement that writes.</summary>
    public async Task<int> ExecuteAsync(string sql, Action<DbCommand>? bind = null, CancellationToken cancellationToken = default)
    {
        if (sqliteWriter is not null)
            return await sqliteWriter.ExecuteAsync(sql, bind, cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Prepare(connection, sql, bind);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Several writes that commit together or not at all.</summary>
    public async Task InTransactionAsync(Func<DbConnection, DbTransaction, Task> work, CancellationToken cancellationToken = default)
    {
        if (sqliteWriter is not null)
        {
            await sqliteWriter.InTransactionAsync(work, cancellationToken);
            return;
        }
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await work(connection, transaction);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Lets go of the connection kept for writing (SQLite); the next write opens another.</summary>
    public Task CloseAsync() => sqliteWriter?.CloseAsync() ?? Task.CompletedTask;

    /// <summary>Transactions this process's writer committed to a SQLite file (a group commit counts once); 0 for MariaDB.</summary>
    public long SqliteCommits => sqliteWriter?.Commits ?? 0;

    // Reads need none of the write settings: one statement fewer per query.
    private async Task<DbConnection> OpenForReadingAsync(CancellationToken cancellationToken)
    {
        var connection = factory.CreateConnection()!;
        connection.ConnectionString = ConnectionString;
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, Action<DbCommand>? bind, Func<DbDataReader, T> read,
        CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenForReadingAsync(cancellationToken);
        await using var command = Prepare(connection, sql, bind);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }
        return rows;
    }

    public async Task<long> CountAsync(string sql, Action<DbCommand>? bind = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenForReadingAsync(cancellationToken);
        await using var command = Prepare(connection, sql, bind);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static DbCommand Prepare(DbConnection connection, string sql, Action<DbCommand>? bind)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        bind?.Invoke(command);
        return command;
    }
}
