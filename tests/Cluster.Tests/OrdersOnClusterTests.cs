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
    public Task Orders_caught_mid_processing_by_a_killed_silo_all_finish_charged_exactly_once() => cluster.Explain(async () =>
    {
        var client = cluster.Apis[0].NewClient();
        var admin = await client.LoginAsync(ProcessCluster.AdminEmail, ProcessCluster.AdminPassword);
        var pharmacistEmail = ApiClient.UniqueEmail("pharmacist");
        (await client.PostAsync("/api/admin/users", new { email = pharmacistEmail, password = "pharmacy-pass-2026", displayName = "P", role = "pharmacist" }, admin.AccessToken))
            .Expect(HttpStatusCode.Created);
        var pharmacist = await client.LoginAsync(pharmacistEmail, "pharmacy-pass-2026");
        var product = (await client.PostAsync("/api/products", new
        {
            name = $"Cluster order test {Guid.NewGuid():N}", category = "vitamins", form = "tablet", strength = "1 mg", description = "For tests.",
            priceCents = 100, stock = 100, requiresPrescription = false, controlled = false,
        }, pharmacist.AccessToken)).Expect(HttpStatusCode.Created).Str("id");

        var orders = new List<(SignedInUser Patient, string OrderId)>();
        for (var i = 0; i < 12; i++)
        {
            var patient = await client.RegisterAndLoginAsync();
            (await client.SendAsync(HttpMethod.Put, $"/api/cart/items/{product}", new { quantity = 2 }, patient.AccessToken)).Expect(HttpStatusCode.OK);
            var placed = await client.SendAsync(HttpMethod.Post, "/api/orders", new
            {
                shippingAddress = new { name = "Pat", line1 = "1 Main Street", city = "Berlin", postalCode = "10115", country = "DE" },
                payment = new { cardNumber = "4242 4242 4242 4242", expiry = "12/30", cvc = "123" },
            }, patient.AccessToken, new Dictionary<string, string> { ["Idempotency-Key"] = $"cluster-{i}" });
            orders.Add((patient, placed.Expect(HttpStatusCode.Accepted).Str("id")));
        }

        // Charges take half a second each: some are in flight on the silo that dies now.
        await cluster.LiveSilos[0].KillAsync();

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
        }

        await using var ledger = new MySqlConnection(cluster.MariaDb.ConnectionString("medplatform_orders"));
        await ledger.OpenAsync();
        foreach (var (_, orderId) in orders)
        {
            await using var count = new MySqlCommand("SELECT COUNT(*) FROM gateway_charges WHERE order_id = @id AND status = 'charged';", ledger);
            count.Parameters.AddWithValue("id", orderId);
            Assert.Equal(1L, Convert.ToInt64(await count.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture));
        }
        Assert.Equal(100 - 2 * orders.Count, (await reader.GetAsync($"/api/products/{product}")).Expect(HttpStatusCode.OK)["stock"]!.GetValue<int>());

        await cluster.StartSiloAsync("silo-after-order-kill");
        await cluster.WaitUntilServingAsync();
    });
}
