namespace MedPlatform.Storage;

/// <summary>The two relational stores the platform runs on: SQLite embedded, MariaDB/MySQL in a cluster.</summary>
public enum SqlDialect
{
    Sqlite,
    MySql,
}
