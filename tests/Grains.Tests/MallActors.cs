using MedPlatform.Common;
using MedPlatform.Mall;

namespace MedPlatform.Grains.Tests;

/// <summary>Products and prescriptions arranged through the real grains for mall tests.</summary>
internal static class MallActors
{
    public static NewProduct Otc(int stock = 20, int? maxPerOrder = null, long priceCents = 450) =>
        new("Test Paracetamol", "pain-fever", "tablet", "500 mg", "For tests.", priceCents, stock, false, false, maxPerOrder);

    public static NewProduct Rx(int stock = 20) =>
        new("Test Amoxicillin", "antibiotics", "capsule", "500 mg", "For tests.", 599, stock, true, false, null);

    public static NewProduct ControlledDrug() =>
        new("Test Codeine", "pain-fever", "tablet", "30 mg", "For tests.", 599, 10, true, true, null);

    public static async Task<(IProductGrain Grain, ProductView View)> Product(GrainTestCluster cluster, NewProduct product)
    {
        var staff = await ForumActors.Staff(cluster, Identity.Role.Pharmacist);
        var grain = cluster.Grains.GetGrain<IProductGrain>(ProductIds.New());
        return (grain, await grain.Create(staff, product));
    }

    public static Task<PrescriptionView> Prescribe(GrainTestCluster cluster, Caller doctor, Caller patient, string productId,
        int quantity = 2, int repeats = 0, int validDays = 30) =>
        cluster.Grains.GetGrain<IPrescriptionsGrain>(0).Issue(doctor,
            new NewPrescription(patient.UserId, null, [new PrescriptionLine(productId, quantity)], repeats, validDays, "Test notes"));
}
