using MedPlatform.Hosting;

namespace MedPlatform.Storage;

/// <summary>
/// A small list of reference data in the platform database (departments, product categories):
/// seeded with defaults whenever its table is empty, and cached in each silo for a few minutes,
/// since it changes only with a deployment.
/// </summary>
public abstract class ReferenceTable<T>(SqlDatabase database, PlatformClock clock) where T : class
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(5);
    private (IReadOnlyList<T> Items, DateTimeOffset LoadedAt)? cache;

    /// <summary>The table, with columns id, name and sort_order.</summary>
    protected abstract string Table { get; }
    protected abstract IReadOnlyList<(string Id, string Name)> Defaults { get; }
    protected abstract T Create(string id, string name);
    protected abstract string IdOf(T item);

    public async Task<IReadOnlyList<T>> All()
    {
        if (cache is { } cached && clock.GetUtcNow() - cached.LoadedAt < CacheFor)
            return cached.Items;
        var items = await database.QueryAsync($"SELECT id, name FROM {Table} ORDER BY sort_order, id;", null,
            reader => Create(reader.GetString(0), reader.GetString(1)));
        cache = (items, clock.GetUtcNow());
        return items;
    }

    public async Task<bool> Exists(string? id) => id is not null && (await All()).Any(item => IdOf(item) == id);

    public async Task SeedIfEmpty()
    {
        if (await database.CountAsync($"SELECT COUNT(*) FROM {Table};") > 0)
            return;
        for (var i = 0; i < Defaults.Count; i++)
        {
            var (id, name) = Defaults[i];
            await database.ExecuteAsync(
                $"INSERT {(database.Dialect == SqlDialect.MySql ? "IGNORE" : "OR IGNORE")} INTO {Table} (id, name, sort_order) VALUES (@id, @name, @order);",
                command => command.Bind("id", id).Bind("name", name).Bind("order", i));
        }
        cache = null;
    }
}
