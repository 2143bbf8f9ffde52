using System.Net;
using MedPlatform.TestSupport;

namespace MedPlatform.Cluster.Tests;

/// <summary>The payment service loses its key (its data volume): nothing may hang on it.</summary>
[Collection(nameof(GatewayTopology))]
public sealed class PaymentServiceKeyTests(GatewayCluster cluster)
{
    [Fact]
    public Task An_order_sealed_with_a_lost_key_is_declined_with_its_stock_back_and_the_patient_can_pay_again() => cluster.Explain(async () =>
    {
        await cluster.EnsureSilosAsync(2);
        var client = cluster.Gateway!.NewClient();
        var (_, product) = await ClusterStaff.PharmacistWithProductAsync(client, "Key loss test", stock: 100, priceCents: 300);
        var patient = await client.RegisterAndLoginAsync();
        var payments = cluster.PaymentService!;
        // A paid order first: the silos then know the service's key (in the orders database too).
        await WaitForStatusAsync(client, patient, await ClusterCheckout.PlaceAsync(client, patient, product, "first"), "readyToShip");

        await payments.StopAsync();
        string sealedWithLostKey;
        try
        {
            sealedWithLostKey = await ClusterCheckout.PlaceAsync(client, patient, product, "before-key-loss");
            await WaitForStatusAsync(client, patient, sealedWithLostKey, "stockReserved");
            payments.LoseKey();
        }
        finally
        {
            await payments.StartAsync();
        }

        var declined = await WaitForStatusAsync(client, patient, sealedWithLostKey, "paymentFailed");
        Assert.Contains("could not read the card", declined.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(99, (await client.GetAsync($"/api/products/{product}", patient.AccessToken)).Expect(HttpStatusCode.OK)["stock"]!.GetValue<int>());

        // Silos re-read the key every few seconds (Payments:KeyRefreshPeriod, 3 s here) and at a
        // refused charge: the patient's next checkouts pay, at the latest once the silos caught up.
        await Task.Delay(TimeSpan.FromSeconds(4));
        for (var attempt = 1; ; attempt++)
        {
            var order = await ClusterCheckout.PlaceAsync(client, patient, product, $"after-key-loss-{attempt}");
            var final = await WaitForStatusAsync(client, patient, order, "readyToShip", "paymentFailed");
            if (final.Str("status") == "readyToShip")
                break;
            Assert.True(attempt < 2, "The patient could not pay after the silos re-read the payment service's key.");
        }
        Assert.Equal(98, (await client.GetAsync($"/api/products/{product}", patient.AccessToken)).Expect(HttpStatusCode.OK)["stock"]!.GetValue<int>());
    });

    private static async Task<System.Text.Json.Nodes.JsonNode> WaitForStatusAsync(ApiClient client, SignedInUser patient, string orderId, params string[] statuses)
    {
        System.Text.Json.Nodes.JsonNode? order = null;
        await Poll.UntilAsync(async () =>
        {
            order = (await client.GetAsync($"/api/orders/{orderId}", patient.AccessToken)).Expect(HttpStatusCode.OK);
            return statuses.Contains(order.Str("status"));
        }, TimeSpan.FromSeconds(60), $"order {orderId} to be {string.Join(" or ", statuses)} (last: {order?.ToJsonString()})");
        return order!;
    }
}
