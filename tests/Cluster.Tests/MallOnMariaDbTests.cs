using System.Net;
using MedPlatform.TestSupport;

namespace MedPlatform.Cluster.Tests;

/// <summary>The catalog, its search and a cart on MariaDB, through the cluster's Api.</summary>
[Collection(nameof(ClusterTopology))]
public sealed class MallOnMariaDbTests(ProcessCluster cluster)
{
    [Fact]
    public Task The_starter_catalog_is_seeded_searchable_and_sells_into_a_cart() => cluster.Explain(async () =>
    {
        var client = cluster.Apis[0].NewClient();
        var catalog = (await client.GetAsync("/api/products?pageSize=100")).Expect(HttpStatusCode.OK);
        Assert.True(catalog["totalCount"]!.GetValue<long>() >= 30);

        var found = (await cluster.Apis[1].NewClient().GetAsync("/api/products?q=paracetamol")).Expect(HttpStatusCode.OK)["items"]!.AsArray();
        Assert.Equal("Paracetamol", found[0]!.Str("name"));
        Assert.Contains(found, p => p!.Str("name") == "Co-codamol");

        var patient = await client.RegisterAndLoginAsync();
        var cart = (await client.SendAsync(HttpMethod.Put, $"/api/cart/items/{found[0]!.Str("id")}", new { quantity = 2 }, patient.AccessToken))
            .Expect(HttpStatusCode.OK);
        Assert.Equal(2 * found[0]!["priceCents"]!.GetValue<long>(), cart["totalCents"]!.GetValue<long>());
        (await cluster.Apis[1].NewClient().GetAsync("/api/cart", patient.AccessToken)).Expect(HttpStatusCode.OK);
    });

    [Fact]
    public Task The_catalog_half_of_the_relevance_set_holds_on_MariaDB_too() => cluster.Explain(async () =>
    {
        // MariaDB's full-text index differs from SQLite's (no bm25, three-letter minimum): the same queries must still find.
        var client = cluster.Apis[0].NewClient();
        var misses = new List<string>();
        foreach (var query in RelevanceSet.Catalog)
        {
            var page = (await client.GetAsync($"/api/products?q={Uri.EscapeDataString(query.Query)}&pageSize={query.Within}")).Expect(HttpStatusCode.OK);
            var found = page["items"]!.AsArray().Select(p => p!.Str("name")).ToList();
            misses.AddRange(query.Expected.Where(e => !found.Contains(e)).Select(e => $"'{query.Query}' missed {e}: [{string.Join(", ", found)}]"));
        }
        Assert.True(misses.Count == 0, string.Join(Environment.NewLine, misses));
    });
}
