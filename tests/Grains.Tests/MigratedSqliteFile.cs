using MedPlatform.Hosting;
using MedPlatform.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace MedPlatform.Grains.Tests;

/// <summary>A throwaway SQLite database with the real schema, for tests of what sits on it; deleted when disposed.</summary>
public sealed class MigratedSqliteFile : IAsyncDisposable
{
    private readonly string directory;

    private MigratedSqliteFile(string directory, SqlDatabase database)
    {
        this.directory = directory;
        Database = database;
    }

    public SqlDatabase Database { get; }

    public static async Task<MigratedSqliteFile> CreateAsync(string name, PlatformClock? clock = null)
    {
        var directory = Directory.CreateTempSubdirectory($"medplatform-{name}-").FullName;
        var database = SqlDatabase.SqliteFile(name, Path.Combine(directory, $"{name}.db"));
        await new SchemaMigrator(NullLogger<SchemaMigrator>.Instance, clock ?? new PlatformClock(new FakeTimeProvider(DateTimeOffset.UtcNow)))
            .MigrateAsync(database);
        return new MigratedSqliteFile(directory, database);
    }

    public async ValueTask DisposeAsync()
    {
        await Database.CloseAsync();
        Directory.Delete(directory, recursive: true);
    }
}
