using System.Net;
using MedPlatform.TestSupport;

namespace MedPlatform.Cluster.Tests;

/// <summary>A patient's checkout as the cluster tests send it: one address, one card that pays.</summary>
public static class ClusterCheckout
{
    public static readonly object Body = new
    {
        shippingAddress = new { name = "Pat", line1 = "1 Main Street", city = "Berlin", postalCode = "10115", country = "DE" },
        payment = new { cardNumber = "4242 4242 4242 4242", expiry = "12/30", cvc = "123" },
    };

    /// <summary>Puts <paramref name="quantity"/> of the product in the cart and checks out; the order's id.</summary>
    public static async Task<string> PlaceAsync(ApiClient client, SignedInUser patient, string product, string idempotencyKey, int quantity = 1)
    {
        (await client.SendAsync(HttpMethod.Put, $"/api/cart/items/{product}", new { quantity }, patient.AccessToken)).Expect(HttpStatusCode.OK);
        var placed = await client.SendAsync(HttpMethod.Post, "/api/orders", Body, patient.AccessToken,
            new Dictionary<string, string> { ["Idempotency-Key"] = idempotencyKey });
        return placed.Expect(HttpStatusCode.Accepted).Str("id");
    }
}
