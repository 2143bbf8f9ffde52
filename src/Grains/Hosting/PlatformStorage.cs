using MedPlatform.Storage;

namespace MedPlatform.Hosting;

/// <summary>Where a silo keeps its data: the only thing that differs between embedded and cluster mode.</summary>
public sealed record PlatformStorage(SqlDatabase Platform, SqlDatabase Orders)
{
    /// <summary>
    /// Orleans' ADO.NET reminder table supports MariaDB but not SQLite (10.4), so embedded mode keeps
    /// reminders in memory: anything that must survive a restart re-arms itself on start.
    /// </summary>
    public bool HasDurableReminders => Platform.Dialect == SqlDialect.MySql;

    /// <summary>Embedded mode: one SQLite file under the data directory.</summary>
    public static PlatformStorage Embedded(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        return new(SqlDatabase.SqliteFile(Databases.Platform, Path.Combine(dataDirectory, "medplatform.db")),
            SqlDatabase.SqliteFile(Databases.Orders, Path.Combine(dataDirectory, "orders.db")));
    }

    /// <summary>
    /// Cluster mode: MariaDB/MySQL. Orders get their own database: <paramref name="ordersConnectionString"/>,
    /// or by default the platform's server with the database name suffixed "_orders".
    /// </summary>
    public static PlatformStorage MariaDb(string connectionString, string? ordersConnectionString = null) =>
        new(new SqlDatabase(Databases.Platform, SqlDialect.MySql, connectionString),
            new SqlDatabase(Databases.Orders, SqlDialect.MySql, ordersConnectionString ?? OrdersDatabaseBeside(connectionString)));

    private static string OrdersDatabaseBeside(string connectionString)
    {
        var builder = new MySqlConnector.MySqlConnectionStringBuilder(connectionString);
        builder.Database += "_orders";
        return builder.ConnectionString;
    }
}
