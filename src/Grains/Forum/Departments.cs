using MedPlatform.Hosting;
using MedPlatform.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace MedPlatform.Forum;

/// <summary>
/// The forum's departments: reference data in the platform database, seeded with these defaults
/// whenever the table is empty, and cached in each silo (they change only with a deployment).
/// </summary>
public sealed class DepartmentCatalog([FromKeyedServices(Databases.Platform)] SqlDatabase database, PlatformClock clock)
{
    public static readonly IReadOnlyList<Department> Defaults =
    [
        new("general-practice", "General practice"),
        new("internal-medicine", "Internal medicine"),
        new("paediatrics", "Paediatrics"),
        new("gynaecology-obstetrics", "Gynaecology & obstetrics"),
        new("dermatology", "Dermatology"),
        new("mental-health", "Mental health"),
        new("dentistry", "Dentistry"),
        new("ear-nose-throat", "Ear, nose & throat"),
        new("ophthalmology", "Eye care"),
    ];

    private static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(5);
    private (IReadOnlyList<Department> Departments, DateTimeOffset LoadedAt)? cache;

    public async Task<IReadOnlyList<Department>> All()
    {
        if (cache is { } cached && clock.GetUtcNow() - cached.LoadedAt < CacheFor)
            return cached.Departments;
        var departments = await database.QueryAsync(
            "SELECT id, name FROM departments ORDER BY sort_order, id;", null,
            reader => new Department(reader.GetString(0), reader.GetString(1)));
        cache = (departments, clock.GetUtcNow());
        return departments;
    }

    public async Task<bool> Exists(string? id) => id is not null && (await All()).Any(d => d.Id == id);

    public async Task SeedIfEmpty()
    {
        if (await database.CountAsync("SELECT COUNT(*) FROM departments;") > 0)
            return;
        for (var i = 0; i < Defaults.Count; i++)
        {
            var department = Defaults[i];
            await database.ExecuteAsync(
                database.Dialect == SqlDialect.MySql
                    ? "INSERT IGNORE INTO departments (id, name, sort_order) VALUES (@id, @name, @order);"
                    : "INSERT OR IGNORE INTO departments (id, name, sort_order) VALUES (@id, @name, @order);",
                command => command.Bind("id", department.Id).Bind("name", department.Name).Bind("order", i));
        }
        cache = null;
    }
}
