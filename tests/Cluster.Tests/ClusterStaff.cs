using System.Net;
using MedPlatform.TestSupport;

namespace MedPlatform.Cluster.Tests;

/// <summary>Staff-side setup the cluster tests share: a new pharmacist and a product of their own to sell.</summary>
public static class ClusterStaff
{
    public static async Task<(SignedInUser Pharmacist, string ProductId)> PharmacistWithProductAsync(ApiClient client, string name, int stock, long priceCents)
    {
        var admin = await client.LoginAsync(ProcessCluster.AdminEmail, ProcessCluster.AdminPassword);
        var email = ApiClient.UniqueEmail("pharmacist");
        (await client.PostAsync("/api/admin/users", new { email, password = "pharmacy-pass-2026", displayName = "Test pharmacist", role = "pharmacist" }, admin.AccessToken))
            .Expect(HttpStatusCode.Created);
        var pharmacist = await client.LoginAsync(email, "pharmacy-pass-2026");
        var product = (await client.PostAsync("/api/products", new
        {
            name = $"{name} {Guid.NewGuid():N}", category = "vitamins", form = "tablet", strength = "10 mg", description = "For tests.",
            priceCents, stock, requiresPrescription = false, controlled = false,
        }, pharmacist.AccessToken)).Expect(HttpStatusCode.Created).Str("id");
        return (pharmacist, product);
    }
}
