using System.Net;
using System.Text.Json.Nodes;
using MedPlatform.TestSupport;
using MySqlConnector;

namespace MedPlatform.Cluster.Tests;

/// <summary>Orders in cluster mode: their own MariaDB database, and kill -9 of a silo while payments are in flight.</summary>
[Collection(nameof(ClusterTopology))]
public sealed class OrdersOnClusterTests(ProcessCluster cluster)
{
    [Fact]
    public Task Orders_whose_silo_is_killed_between_charge_and_record_finish_charged_exactly_once() => cluster.Explain(async () =>
    {
        var client = cluster.Apis[0].NewClient();
        var (_, product) = await ClusterStaff.PharmacistWithProductAsync(client, "Cluster order test", stock: 100, priceCents: 100);

        var orders = new List<(SignedInUser Patient, string OrderId)>();
        for (var i = 0; i < 8; i++)
        {
            var patient = await client.RegisterAndLoginAsync();
            orders.Add((patient, await ClusterCheckout.PlaceAsync(client, patient, product, $"cluster-{i}", quantity: 2)));
        }

        // Wait until the gateway has charged an order whose silo has not yet recorded it (the
        // answer is still on its way back), then kill -9 that silo. The gateway runs in the silo
        // that holds the order, and logs the charge there.
        await using var ledger = new MySqlConnection(cluster.MariaDb.ConnectionString("medplatform_orders"));
        await ledger.OpenAsync();
        SiloProcess? victim = null;
        await Poll.UntilAsync(async () =>
        {
            foreach (var (patient, orderId) in orders)
            {
                var status = (await client.GetAsync($"/api/orders/{orderId}", patient.AccessToken)).Json.Str("status");
                if (status == "stockReserved" && await ChargedRequests(ledger, orderId) == 1)
                {
                    victim = cluster.LiveSilos.FirstOrDefault(s => s.Process.RecentOutput(400).Contains($"charged order {orderId}", StringComparison.Ordinal));
                    if (victim is not null)
                        return true;
                }
            }
            return false;
        }, TimeSpan.FromSeconds(30), "an order charged but not yet recorded", TimeSpan.FromMilliseconds(50));
        await victim!.KillAsync();
        await cluster.StartSiloAsync();

        var reader = cluster.Apis[1].NewClient();
        foreach (var (patient, orderId) in orders)
        {
            JsonNode? order = null;
            await Poll.UntilAsync(async () =>
            {
                var answer = await reader.GetAsync($"/api/orders/{orderId}", patient.AccessToken);
                if (answer.Status != HttpStatusCode.OK)
                    return false;
                order = answer.Json;
                return order.Str("status") == "readyToShip";
            }, TimeSpan.FromSeconds(90), $"order {orderId} to be ready to ship (last: {order?.ToJsonString()})");
            Assert.Equal(1, await ChargedRequests(ledger, orderId));
        }
        Assert.Equal(100 - 2 * orders.Count, (await reader.GetAsync($"/api/products/{product}")).Expect(HttpStatusCode.OK)["stock"]!.GetValue<int>());
        await cluster.WaitUntilServingAsync();
    });

    /// <summary>How many requests to the simulated gateway actually charged the card for the order.</summary>
    private static async Task<long> ChargedRequests(MySqlConnection ledger, string orderId)
    {
        await using var count = new MySqlCommand(
            "SELECT COUNT(*) FROM gateway_requests WHERE order_id = @id AND operation = 'charge' AND outcome = 'charged';", ledger);
        count.Parameters.AddWithValue("id", orderId);
        return Convert.ToInt64(await count.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
