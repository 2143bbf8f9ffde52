using System.Net;
using MedPlatform.TestSupport;

namespace MedPlatform.Api.Tests;

/// <summary>"Add to cart" adds to what the cart holds (<c>{"add": n}</c>); <c>quantity</c> still sets it.</summary>
[Collection(nameof(EmbeddedApi))]
public sealed class CartAddTests(EmbeddedApiFactory api)
{
    private readonly ApiClient client = api.NewClient();

    [Fact]
    public async Task Adding_twice_adds_up_and_setting_a_quantity_replaces_it()
    {
        var actors = await MallActors.GetAsync(api);
        var patient = await client.RegisterAndLoginAsync();
        var path = $"/api/cart/items/{actors.OtcProductId}";

        (await client.SendAsync(HttpMethod.Put, path, new { add = 2 }, patient.AccessToken)).Expect(HttpStatusCode.OK);
        var twice = (await client.SendAsync(HttpMethod.Put, path, new { add = 1 }, patient.AccessToken)).Expect(HttpStatusCode.OK);
        Assert.Equal(3, twice["items"]!.AsArray().Single()!["quantity"]!.GetValue<int>());

        var set = (await client.SendAsync(HttpMethod.Put, path, new { quantity = 1 }, patient.AccessToken)).Expect(HttpStatusCode.OK);
        Assert.Equal(1, set["items"]!.AsArray().Single()!["quantity"]!.GetValue<int>());
    }

    [Fact]
    public async Task Adding_past_the_line_limit_or_with_a_quantity_too_is_a_400_and_changes_nothing()
    {
        var actors = await MallActors.GetAsync(api);
        var patient = await client.RegisterAndLoginAsync();
        var path = $"/api/cart/items/{actors.OtcProductId}";
        (await client.SendAsync(HttpMethod.Put, path, new { add = 99 }, patient.AccessToken)).Expect(HttpStatusCode.OK);

        var tooMany = (await client.SendAsync(HttpMethod.Put, path, new { add = 2 }, patient.AccessToken)).ExpectProblem(HttpStatusCode.BadRequest);
        var both = (await client.SendAsync(HttpMethod.Put, path, new { add = 1, quantity = 5 }, patient.AccessToken)).ExpectProblem(HttpStatusCode.BadRequest);

        Assert.NotNull(tooMany["errors"]!["add"]);
        Assert.NotNull(both["errors"]!["add"]);
        var cart = (await client.GetAsync("/api/cart", patient.AccessToken)).Expect(HttpStatusCode.OK);
        Assert.Equal(99, cart["items"]!.AsArray().Single()!["quantity"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_quantity_sent_as_a_string_is_a_400_that_names_the_field()
    {
        var actors = await MallActors.GetAsync(api);
        var patient = await client.RegisterAndLoginAsync();

        var problem = (await client.SendAsync(HttpMethod.Put, $"/api/cart/items/{actors.OtcProductId}", new { quantity = "2" }, patient.AccessToken))
            .ExpectProblem(HttpStatusCode.BadRequest);

        Assert.Contains("quantity has the wrong type", problem.Str("detail"), StringComparison.Ordinal);
    }
}
