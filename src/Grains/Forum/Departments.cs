using MedPlatform.Hosting;
using MedPlatform.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace MedPlatform.Forum;

/// <summary>The forum's departments: reference data, seeded with these defaults whenever the store has none.</summary>
public sealed class DepartmentCatalog([FromKeyedServices(Databases.Platform)] SqlDatabase database, PlatformClock clock)
    : ReferenceTable<Department>(database, clock)
{
    private static readonly (string Id, string Name)[] DefaultDepartments =
    [
        ("general-practice", "General practice"),
        ("internal-medicine", "Internal medicine"),
        ("paediatrics", "Paediatrics"),
        ("gynaecology-obstetrics", "Gynaecology & obstetrics"),
        ("dermatology", "Dermatology"),
        ("mental-health", "Mental health"),
        ("dentistry", "Dentistry"),
        ("ear-nose-throat", "Ear, nose & throat"),
        ("ophthalmology", "Eye care"),
    ];

    protected override string Table => "departments";
    protected override IReadOnlyList<(string Id, string Name)> Defaults => DefaultDepartments;
    protected override Department Create(string id, string name) => new(id, name);
    protected override string IdOf(Department item) => item.Id;
}
