using MedPlatform.Hosting;
using System.Data.Common;
using System.Reflection;
using Microsoft.Extensions.Logging;
using MySqlConnector;

namespace MedPlatform.Storage;

/// <summary>
/// Brings a database up to the schema in deploy/schema: runs each numbered script of the database's
/// folder once, in order, and records it in <c>schema_migrations</c>. Several silos may start at
/// once, so the work is serialized by a database lock (MariaDB) or an immediate transaction (SQLite).
/// </summary>
public sealed partial class SchemaMigrator(ILogger<SchemaMigrator> logger, PlatformClock clock)
{
    private static readonly Assembly ScriptAssembly = typeof(SchemaMigrator).Assembly;

    /// <param name="grainStorage">Whether the database also holds Orleans grain state (every silo database does; the payment service's does not).</param>
    public async Task MigrateAsync(SqlDatabase database, CancellationToken cancellationToken = default, bool grainStorage = true)
    {
        var scripts = ScriptsFor(database, grainStorage);
        if (scripts.All(script => script.Id.StartsWith("storage/", StringComparison.Ordinal)))
        {
            throw new InvalidOperationException($"No schema scripts are embedded for database '{database.Name}' ({database.Dialect}).");
        }

        if (database.Dialect == SqlDialect.MySql)
        {
            await EnsureMySqlDatabaseExistsAsync(database.ConnectionString, cancellationToken);
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        if (database.Dialect == SqlDialect.Sqlite)
        {
            // Readers never block the writer and a crash cannot corrupt the file; persistent per database file.
            await ExecuteAsync(connection, "PRAGMA journal_mode=WAL;", cancellationToken);
        }

        await using var exclusive = await LockAsync(connection, database, cancellationToken);
        await ExecuteAsync(connection,
            "CREATE TABLE IF NOT EXISTS schema_migrations (id VARCHAR(200) NOT NULL PRIMARY KEY, applied_at BIGINT NOT NULL);",
            cancellationToken);
        var applied = await AppliedAsync(connection, cancellationToken);

        foreach (var (id, resource) in scripts)
        {
            if (applied.Contains(id))
            {
                continue;
            }
            await ExecuteAsync(connection, await ReadResourceAsync(resource), cancellationToken);
            await using var record = connection.CreateCommand();
            record.CommandText = "INSERT INTO schema_migrations (id, applied_at) VALUES (@id, @at);";
            record.Bind("id", id).Bind("at", clock.GetUtcNow().ToUnixTimeMilliseconds());
            await record.ExecuteNonQueryAsync(cancellationToken);
            LogApplied(database.Name, id);
        }

        await exclusive.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Script id → resource name, in order: first the grain-state scripts every database gets
    /// (schema/{dialect}/storage), then the database's own (schema/{dialect}/{database}).
    /// Ids keep their folder, e.g. "storage/001_grain_storage", "platform/002_users".
    /// </summary>
    private static List<(string Id, string Resource)> ScriptsFor(SqlDatabase database, bool grainStorage)
    {
        var dialect = database.Dialect == SqlDialect.MySql ? "mysql" : "sqlite";
        return [.. grainStorage ? Folder(dialect, "storage") : [], .. Folder(dialect, database.Name)];
    }

    private static IEnumerable<(string Id, string Resource)> Folder(string dialect, string folder)
    {
        var prefix = $"schema/{dialect}/{folder}/";
        return ScriptAssembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(prefix, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name => ($"{folder}/{Path.GetFileNameWithoutExtension(name)}", name));
    }

    private static async Task<string> ReadResourceAsync(string resource)
    {
        await using var stream = ScriptAssembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync();
    }

    private static async Task EnsureMySqlDatabaseExistsAsync(string connectionString, CancellationToken cancellationToken)
    {
        var builder = new MySqlConnectionStringBuilder(connectionString);
        var name = builder.Database;
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new InvalidOperationException("The MariaDB connection string must name a database (Database=...).");
        }
        builder.Database = "";
        await using var server = new MySqlConnection(builder.ConnectionString);
        await server.OpenAsync(cancellationToken);
        await ExecuteAsync(server, $"CREATE DATABASE IF NOT EXISTS `{name.Replace("`", "``", StringComparison.Ordinal)}` CHARACTER SET utf8mb4;", cancellationToken);
    }

    private static async Task<HashSet<string>> AppliedAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id FROM schema_migrations;";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetString(0));
        }
        return ids;
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 300;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<MigrationLock> LockAsync(DbConnection connection, SqlDatabase database, CancellationToken cancellationToken)
    {
        if (database.Dialect == SqlDialect.Sqlite)
        {
            // SQLite DDL is transactional: the whole migration commits or none of it does.
            await ExecuteAsync(connection, "BEGIN IMMEDIATE;", cancellationToken);
            return new MigrationLock(connection, "COMMIT;", "ROLLBACK;");
        }

        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT GET_LOCK(@name, 300);";
        command.Bind("name", $"medplatform.schema.{database.Name}");
        // 1: acquired; 0: timed out; NULL: an error such as the server killing the wait.
        if (await command.ExecuteScalarAsync(cancellationToken) is not (1L or 1))
        {
            throw new TimeoutException($"Timed out waiting for the schema lock of database '{database.Name}'.");
        }
        var release = $"DO RELEASE_LOCK('medplatform.schema.{database.Name}');";
        return new MigrationLock(connection, release, release);
    }

    /// <summary>Releases the migration lock: commits when asked to, otherwise rolls back on dispose.</summary>
    private sealed class MigrationLock(DbConnection connection, string commitSql, string abandonSql) : IAsyncDisposable
    {
        private bool done;

        public async Task CommitAsync(CancellationToken cancellationToken)
        {
            done = true;
            await ExecuteAsync(connection, commitSql, cancellationToken);
        }

        public async ValueTask DisposeAsync()
        {
            if (done)
                return;
            try
            {
                await ExecuteAsync(connection, abandonSql, CancellationToken.None);
            }
            catch (DbException)
            {
                // The migration already failed; that error is the one to report. Closing the
                // connection releases the lock and rolls back anyway.
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database {Database}: applied schema script {Script}")]
    private partial void LogApplied(string database, string script);
}
