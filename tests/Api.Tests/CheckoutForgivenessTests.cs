using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MedPlatform.TestSupport;

namespace MedPlatform.Api.Tests;

/// <summary>
/// What makes checkout forgiving and its result clear: a declined card gives the items back to the
/// cart and stays out of the order list; every order has a short unique number, a receipt with the
/// VAT it includes and a delivery window; saved addresses.
/// </summary>
[Collection(nameof(EmbeddedApi))]
public sealed partial class CheckoutForgivenessTests(EmbeddedApiFactory api)
{
    private readonly ApiClient client = api.NewClient();

    [Fact]
    public async Task A_declined_card_puts_the_lines_back_in_the_cart_once_and_is_listed_apart_from_orders()
    {
        var actors = await MallActors.GetAsync(api);
        var patient = await client.RegisterAndLoginAsync();
        var product = await MallActors.CreateProductAsync(client, actors.Pharmacist, MallActors.NewProduct($"Declined {Guid.NewGuid():N}", rx: true, stock: 20, priceCents: 300));
        var prescription = await MallActors.PrescribeAsync(client, actors.VerifiedDoctor, patient.Id, product, quantity: 3);
        await client.PutInCartAsync(patient, product, 3, prescription);

        var declined = (await client.CheckoutAsync(patient, card: OrderFlows.DecliningCard)).Expect(HttpStatusCode.Accepted).Str("id");
        await client.WaitForStatusAsync(patient.AccessToken, declined, "paymentFailed");

        // Back in the cart, with the prescription it was bought against, ready to pay again.
        var cart = (await client.GetAsync("/api/cart", patient.AccessToken)).Expect(HttpStatusCode.OK);
        var line = cart["items"]!.AsArray().Single()!;
        Assert.Equal((product, 3, prescription), (line.Str("productId"), line["quantity"]!.GetValue<int>(), line.Str("prescriptionId")));
        Assert.True(line["available"]!.GetValue<bool>());

        // A failed payment is over: it cannot be cancelled, and nothing comes back twice.
        await client.PutInCartAsync(patient, product, 0);
        (await client.PostAsync($"/api/orders/{declined}/cancel", null, patient.AccessToken)).ExpectProblem(HttpStatusCode.Conflict);
        Assert.Empty((await client.GetAsync("/api/cart", patient.AccessToken)).Expect(HttpStatusCode.OK)["items"]!.AsArray());

        // The retry with a good card is the only order in the list; the attempt is there when asked for.
        await client.PutInCartAsync(patient, product, 3, prescription);
        var paid = (await client.CheckoutAsync(patient)).Expect(HttpStatusCode.Accepted).Str("id");
        await client.WaitForStatusAsync(patient.AccessToken, paid, "awaitingReview");
        var orders = (await client.GetAsync("/api/orders", patient.AccessToken)).Expect(HttpStatusCode.OK);
        Assert.Equal([paid], orders["items"]!.AsArray().Select(o => o!.Str("id")));
        Assert.Equal(1, orders["totalCount"]!.GetValue<int>());
        var failed = (await client.GetAsync("/api/orders?status=paymentFailed", patient.AccessToken)).Expect(HttpStatusCode.OK);
        Assert.Equal([declined], failed["items"]!.AsArray().Select(o => o!.Str("id")));
        (await client.GetAsync("/api/orders?status=lost", patient.AccessToken)).ExpectProblem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Every_order_has_a_short_unique_number_a_receipt_with_vat_and_a_delivery_window_that_staff_see_too()
    {
        var actors = await MallActors.GetAsync(api);
        var patient = await client.RegisterAndLoginAsync();
        var product = await MallActors.CreateProductAsync(client, actors.Pharmacist, MallActors.NewProduct($"Numbered {Guid.NewGuid():N}", stock: 50, priceCents: 599));
        var numbers = new List<string>();
        JsonNode? first = null;
        for (var i = 0; i < 5; i++)
        {
            await client.PutInCartAsync(patient, product, 2);
            var key = Guid.NewGuid().ToString("N");
            var placed = (await client.CheckoutAsync(patient, key)).Expect(HttpStatusCode.Accepted);
            // A retry of the same checkout is the same order, with the same number.
            var again = (await client.CheckoutAsync(patient, key)).Expect(HttpStatusCode.Accepted);
            Assert.Equal(placed.Str("orderNumber"), again.Str("orderNumber"));
            numbers.Add(placed.Str("orderNumber"));
            first ??= placed;
        }

        Assert.All(numbers, n => Assert.Matches(OrderNumber(), n));
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
        // 2 × €5.99 = €11.98, of which 20 % VAT included: 11.98 × 20 / 120 = €2.00 (1.9967 rounded).
        Assert.Equal(1198, first!["totalCents"]!.GetValue<long>());
        Assert.Equal(200, first["vatIncludedCents"]!.GetValue<long>());
        Assert.Equal(20m, first["vatRatePercent"]!.GetValue<decimal>());
        var estimate = first["estimatedDelivery"]!;
        var placedOn = DateOnly.FromDateTime(DateTimeOffset.Parse(first.Str("createdAt"), System.Globalization.CultureInfo.InvariantCulture).UtcDateTime);
        var earliest = DateOnly.Parse(estimate.Str("earliest"), System.Globalization.CultureInfo.InvariantCulture);
        var latest = DateOnly.Parse(estimate.Str("latest"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(earliest.DayNumber - placedOn.DayNumber, 2, 4); // two working days, a weekend may add two
        Assert.InRange(latest.DayNumber - earliest.DayNumber, 2, 4);
        Assert.DoesNotContain(earliest.DayOfWeek, new[] { DayOfWeek.Saturday, DayOfWeek.Sunday });

        // The pharmacy's queue calls the order by the same number.
        var id = first.Str("id");
        await client.WaitForStatusAsync(patient.AccessToken, id, "readyToShip");
        var staffView = (await client.GetAsync($"/api/orders/{id}", actors.Pharmacist.AccessToken)).Expect(HttpStatusCode.OK);
        Assert.Equal(numbers[0], staffView.Str("orderNumber"));
        var queue = (await client.GetAsync("/api/pharmacy/orders?status=readyToShip&pageSize=100", actors.Pharmacist.AccessToken)).Expect(HttpStatusCode.OK);
        Assert.Contains(queue["items"]!.AsArray(), o => o!.Str("id") == id && o!.Str("orderNumber") == numbers[0]);

        // A patient on the phone reads the number out loosely: case, dashes, O for 0 and l for 1 are forgiven.
        var loose = numbers[0][3..].ToLowerInvariant().Replace('0', 'o').Replace('1', 'l');
        var byNumber = (await client.GetAsync($"/api/pharmacy/orders?number={loose}", actors.Pharmacist.AccessToken)).Expect(HttpStatusCode.OK);
        Assert.Equal(id, Assert.Single(byNumber["items"]!.AsArray())!.Str("id"));
        Assert.Empty((await client.GetAsync("/api/pharmacy/orders?number=MP-ZZZZZZ", actors.Pharmacist.AccessToken))
            .Expect(HttpStatusCode.OK)["items"]!.AsArray());
        Assert.NotNull((await client.GetAsync("/api/pharmacy/orders?number=MP-12", actors.Pharmacist.AccessToken))
            .ExpectProblem(HttpStatusCode.BadRequest)["errors"]!["number"]);
        (await client.GetAsync($"/api/pharmacy/orders?number={numbers[0]}", patient.AccessToken)).ExpectProblem(HttpStatusCode.Forbidden);

        // Once delivered, no estimate is promised any more.
        (await client.PostAsync($"/api/pharmacy/orders/{id}/ship", new { trackingNumber = "DHL-77" }, actors.Pharmacist.AccessToken)).Expect(HttpStatusCode.OK);
        var delivered = (await client.PostAsync($"/api/pharmacy/orders/{id}/deliver", null, actors.Pharmacist.AccessToken)).Expect(HttpStatusCode.OK);
        Assert.Null(delivered["estimatedDelivery"]);
    }

    [Fact]
    public async Task Saved_addresses_keep_their_ids_have_one_default_and_refuse_bad_input_without_losing_the_list()
    {
        var patient = await client.RegisterAndLoginAsync();
        Assert.Empty((await client.GetAsync("/api/me/addresses", patient.AccessToken)).Expect(HttpStatusCode.OK).AsArray());

        var home = new { id = (string?)null, name = "Pat Patient", line1 = "1 Main Street", city = "Berlin", postalCode = "10115", country = "Germany", isDefault = false };
        var work = home with { line1 = "9 Office Park", city = "Potsdam", postalCode = "14467" };
        var saved = (await client.SendAsync(HttpMethod.Put, "/api/me/addresses", new[] { home, work }, patient.AccessToken)).Expect(HttpStatusCode.OK).AsArray();
        Assert.Equal([true, false], saved.Select(a => a!["isDefault"]!.GetValue<bool>()));
        var homeId = saved[0]!.Str("id");
        var workId = saved[1]!.Str("id");
        Assert.NotEqual(homeId, workId);

        // Making the second the default keeps both ids; an id the book never gave out is a new address.
        var changed = (await client.SendAsync(HttpMethod.Put, "/api/me/addresses",
            new[] { home with { id = homeId }, work with { id = workId, isDefault = true }, home with { id = "made-up", line1 = "3 Other Road" } },
            patient.AccessToken)).Expect(HttpStatusCode.OK).AsArray();
        Assert.Equal([homeId, workId], changed.Take(2).Select(a => a!.Str("id")));
        Assert.NotEqual("made-up", changed[2]!.Str("id"));
        Assert.Equal([false, true, false], changed.Select(a => a!["isDefault"]!.GetValue<bool>()));

        // Bad input names its field and leaves the saved list as it was.
        var missing = (await client.SendAsync(HttpMethod.Put, "/api/me/addresses", new[] { home with { city = "" } }, patient.AccessToken))
            .ExpectProblem(HttpStatusCode.BadRequest);
        Assert.NotNull(missing["errors"]!["[0].city"]);
        var twoDefaults = (await client.SendAsync(HttpMethod.Put, "/api/me/addresses", new[] { home with { isDefault = true }, work with { isDefault = true } }, patient.AccessToken))
            .ExpectProblem(HttpStatusCode.BadRequest);
        Assert.NotNull(twoDefaults["errors"]!["isDefault"]);
        var tooMany = (await client.SendAsync(HttpMethod.Put, "/api/me/addresses", Enumerable.Repeat(home, 11).ToArray(), patient.AccessToken))
            .ExpectProblem(HttpStatusCode.BadRequest);
        Assert.NotNull(tooMany["errors"]!["body"]);
        Assert.Equal(3, (await client.GetAsync("/api/me/addresses", patient.AccessToken)).Expect(HttpStatusCode.OK).AsArray().Count);

        // Another patient sees only their own (none); a doctor has no address book.
        var other = await client.RegisterAndLoginAsync();
        Assert.Empty((await client.GetAsync("/api/me/addresses", other.AccessToken)).Expect(HttpStatusCode.OK).AsArray());
        var actors = await MallActors.GetAsync(api);
        (await client.GetAsync("/api/me/addresses", actors.VerifiedDoctor.AccessToken)).ExpectProblem(HttpStatusCode.Forbidden);
        (await client.GetAsync("/api/me/addresses")).ExpectProblem(HttpStatusCode.Unauthorized);
    }

    [GeneratedRegex("^MP-[0-9A-HJKMNP-TV-Z]{6}$")]
    private static partial Regex OrderNumber();
}
