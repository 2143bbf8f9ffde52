using System.Net;
using MedPlatform.TestSupport;

namespace MedPlatform.Api.Tests;

/// <summary>Staff describe a medicine (ingredients, brand names, uses, leaflet); search finds it by them at once.</summary>
[Collection(nameof(EmbeddedApi))]
public sealed class ProductFactsTests(EmbeddedApiFactory api)
{
    private readonly ApiClient client = api.NewClient();

    [Fact]
    public async Task A_product_created_with_facts_is_found_by_them_and_an_update_replaces_only_what_it_gives()
    {
        var actors = await MallActors.GetAsync(api);
        // Letters only: a word with digits in it is searched as typed, without word forms.
        var tag = "zx" + new string(Guid.NewGuid().ToString("N")[..8].Select(c => (char)('a' + c % 26)).ToArray());
        var id = (await client.PostAsync("/api/products", new
        {
            name = $"Facts test {Guid.NewGuid():N}", category = "skin", form = "cream", strength = "1 %", description = "For tests.",
            priceCents = 399, stock = 10, requiresPrescription = false, controlled = false,
            activeIngredients = new[] { $"{tag}ine", " zinc oxide " }, brandNames = new[] { $"Brand{tag}" }, indications = new[] { "nappy rash" },
            leaflet = new { uses = "Soothes.", dose = "Thinly, twice a day.", warnings = "Not on broken skin." },
        }, actors.Pharmacist.AccessToken)).Expect(HttpStatusCode.Created).Str("id");

        var found = (await client.GetAsync($"/api/products?q=brand{tag}")).Expect(HttpStatusCode.OK)["items"]!.AsArray();
        Assert.Equal(id, Assert.Single(found)!.Str("id"));
        Assert.Equal(["zinc oxide"], found[0]!["activeIngredients"]!.AsArray().Skip(1).Select(i => i!.GetValue<string>()));
        Assert.Single((await client.GetAsync($"/api/products?q={tag}ines")).Expect(HttpStatusCode.OK)["items"]!.AsArray()); // a word form

        var updated = (await client.SendAsync(HttpMethod.Put, $"/api/products/{id}",
            new { indications = new[] { "chafing" }, leaflet = new { uses = "", dose = "", warnings = "" } }, actors.Pharmacist.AccessToken)).Expect(HttpStatusCode.OK);
        Assert.Equal(["chafing"], updated["indications"]!.AsArray().Select(i => i!.GetValue<string>()));
        Assert.Equal(2, updated["activeIngredients"]!.AsArray().Count);
        Assert.Null(updated["leaflet"]);
        Assert.Empty((await client.GetAsync($"/api/products?q={tag}+nappy")).Expect(HttpStatusCode.OK)["items"]!.AsArray());

        var bad = (await client.SendAsync(HttpMethod.Put, $"/api/products/{id}",
            new { brandNames = new[] { "" }, leaflet = new { uses = "Only this part." } }, actors.Pharmacist.AccessToken)).ExpectProblem(HttpStatusCode.BadRequest);
        Assert.NotNull(bad["errors"]!["brandNames"]);
        Assert.NotNull(bad["errors"]!["leaflet.dose"]);
        (await client.SendAsync(HttpMethod.Put, $"/api/products/{id}", new { indications = new[] { "x" } }, actors.Patient.AccessToken))
            .ExpectProblem(HttpStatusCode.Forbidden);
    }
}
