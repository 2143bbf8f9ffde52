using System.Net;
using System.Text.Json.Nodes;
using MedPlatform.TestSupport;

namespace MedPlatform.Api.Tests;

/// <summary>Checkout and order helpers over HTTP, as the web and mobile apps use them.</summary>
internal static class OrderFlows
{
    public const string GoodCard = "4242 4242 4242 4242";
    public const string DecliningCard = "4000 0000 0000 0002";

    public static object CheckoutBody(string card = GoodCard, string expiry = "12/30") => new
    {
        shippingAddress = new { name = "Pat Patient", line1 = "1 Main Street", city = "Berlin", postalCode = "10115", country = "DE" },
        payment = new { cardNumber = card, expiry, cvc = "123" },
    };

    public static Task<ApiResponse> CheckoutAsync(this ApiClient client, SignedInUser patient, string? key = null, string card = GoodCard) =>
        client.SendAsync(HttpMethod.Post, "/api/orders", CheckoutBody(card), patient.AccessToken,
            new Dictionary<string, string> { ["Idempotency-Key"] = key ?? Guid.NewGuid().ToString("N") });

    public static async Task PutInCartAsync(this ApiClient client, SignedInUser patient, string productId, int quantity, string? prescriptionId = null) =>
        (await client.SendAsync(HttpMethod.Put, $"/api/cart/items/{productId}", new { quantity, prescriptionId }, patient.AccessToken)).Expect(HttpStatusCode.OK);

    /// <summary>Polls the order until it is in <paramref name="status"/>, and returns it.</summary>
    public static async Task<JsonNode> WaitForStatusAsync(this ApiClient client, string token, string orderId, string status)
    {
        JsonNode? order = null;
        await Poll.UntilAsync(async () =>
        {
            order = (await client.GetAsync($"/api/orders/{orderId}", token)).Expect(HttpStatusCode.OK);
            return order.Str("status") == status;
        }, TimeSpan.FromSeconds(20), $"order {orderId} to be {status}");
        return order!;
    }

    public static async Task<int> StockAsync(this ApiClient client, string productId) =>
        (await client.GetAsync($"/api/products/{productId}")).Expect(HttpStatusCode.OK)["stock"]!.GetValue<int>();

    public static async Task<int> RemainingAsync(this ApiClient client, SignedInUser patient, string prescriptionId) =>
        (await client.GetAsync($"/api/prescriptions/{prescriptionId}", patient.AccessToken)).Expect(HttpStatusCode.OK)["items"]![0]!["remaining"]!.GetValue<int>();
}
