using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using MedPlatform.TestSupport;

namespace MedPlatform.Api.Tests;

[Collection(nameof(EmbeddedApi))]
public sealed class OrderTests(EmbeddedApiFactory api)
{
    private readonly ApiClient client = api.NewClient();

    private async Task<(MallActors Actors, SignedInUser Patient, string Product)> PatientWithProductAsync(int stock = 100, bool rx = false)
    {
        var actors = await MallActors.GetAsync(api);
        var product = await MallActors.CreateProductAsync(client, actors.Pharmacist, MallActors.NewProduct($"Order test {Guid.NewGuid():N}", rx: rx, stock: stock, priceCents: 250));
        return (actors, await client.RegisterAndLoginAsync(), product);
    }

    [Fact]
    public async Task An_otc_order_lives_from_checkout_to_delivery()
    {
        var (actors, patient, product) = await PatientWithProductAsync();
        await client.PutInCartAsync(patient, product, 3);

        var response = await client.CheckoutAsync(patient);

        var placed = response.Expect(HttpStatusCode.Accepted);
        Assert.Equal($"/api/orders/{placed.Str("id")}", response.Headers["Location"]);
        Assert.Equal("placed", placed.Str("status"));
        Assert.Equal(750, placed["totalCents"]!.GetValue<long>());
        Assert.Empty((await client.GetAsync("/api/cart", patient.AccessToken)).Expect(HttpStatusCode.OK)["items"]!.AsArray());
        var ready = await client.WaitForStatusAsync(patient.AccessToken, placed.Str("id"), "readyToShip");
        Assert.Equal(["placed", "stockReserved", "paid", "readyToShip"], ready["history"]!.AsArray().Select(h => h!.Str("status")));
        Assert.Equal(97, await client.StockAsync(product));

        var id = placed.Str("id");
        (await client.PostAsync($"/api/pharmacy/orders/{id}/ship", new { trackingNumber = "DHL-0001" }, actors.Pharmacist.AccessToken)).Expect(HttpStatusCode.OK);
        var delivered = (await client.PostAsync($"/api/pharmacy/orders/{id}/deliver", null, actors.Pharmacist.AccessToken)).Expect(HttpStatusCode.OK);

        Assert.Equal("delivered", delivered.Str("status"));
        var history = delivered["history"]!.AsArray();
        Assert.Equal(actors.Pharmacist.Id, history.Single(h => h!.Str("status") == "shipped")!.Str("actorId"));
        Assert.Equal(patient.Id, history.Single(h => h!.Str("status") == "placed")!.Str("actorId"));
        Assert.Null(history.Single(h => h!.Str("status") == "paid")!["actorId"]);
        Assert.Equal("DHL-0001", (await client.GetAsync($"/api/orders/{id}", patient.AccessToken)).Expect(HttpStatusCode.OK).Str("trackingNumber"));
        Assert.All(delivered["history"]!.AsArray(), h => Assert.NotNull(h!["at"]));
    }

    [Fact]
    public async Task A_prescription_order_is_reviewed_approved_shipped_and_followed_live()
    {
        var (actors, patient, product) = await PatientWithProductAsync(rx: true);
        var prescription = await MallActors.PrescribeAsync(client, actors.VerifiedDoctor, patient.Id, product, quantity: 2);
        await client.PutInCartAsync(patient, product, 2, prescription);
        var id = (await client.CheckoutAsync(patient)).Expect(HttpStatusCode.Accepted).Str("id");

        var events = new List<JsonNode>();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/orders/{id}/events");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", patient.AccessToken);
        using var stream = await client.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", stream.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await stream.Content.ReadAsStreamAsync());
        async Task<string> NextStatus()
        {
            while (await reader.ReadLineAsync() is { } line)
            {
                if (line.StartsWith("data: ", StringComparison.Ordinal))
                {
                    events.Add(JsonNode.Parse(line[6..])!);
                    return events[^1].Str("status");
                }
            }
            throw new InvalidOperationException("The event stream ended.");
        }

        Assert.Equal("placed", await NextStatus());
        Assert.Equal("stockReserved", await NextStatus());
        Assert.Equal("paid", await NextStatus());
        Assert.Equal("awaitingReview", await NextStatus());
        (await client.PostAsync($"/api/pharmacy/orders/{id}/approve", null, actors.Pharmacist.AccessToken)).Expect(HttpStatusCode.OK);
        Assert.Equal("readyToShip", await NextStatus());
        (await client.PostAsync($"/api/pharmacy/orders/{id}/ship", new { trackingNumber = "UPS-4242" }, actors.Pharmacist.AccessToken)).Expect(HttpStatusCode.OK);
        Assert.Equal("shipped", await NextStatus());

        Assert.Equal("UPS-4242", events[^1].Str("trackingNumber"));
        Assert.Equal(0, await client.RemainingAsync(patient, prescription));
    }

    [Fact]
    public async Task A_declined_card_ends_in_payment_failed_with_stock_and_prescription_restored()
    {
        var (actors, patient, product) = await PatientWithProductAsync(stock: 20, rx: true);
        var prescription = await MallActors.PrescribeAsync(client, actors.VerifiedDoctor, patient.Id, product, quantity: 4);
        await client.PutInCartAsync(patient, product, 4, prescription);

        var id = (await client.CheckoutAsync(patient, card: OrderFlows.DecliningCard)).Expect(HttpStatusCode.Accepted).Str("id");
        var failed = await client.WaitForStatusAsync(patient.AccessToken, id, "paymentFailed");

        Assert.Contains("declined", failed["history"]!.AsArray()[^1]!.Str("note"), StringComparison.Ordinal);
        Assert.Equal(20, await client.StockAsync(product));
        Assert.Equal(4, await client.RemainingAsync(patient, prescription));
    }

    [Fact]
    public async Task A_cancelled_paid_order_ends_refunded_with_everything_given_back()
    {
        var (_, patient, product) = await PatientWithProductAsync(stock: 20);
        await client.PutInCartAsync(patient, product, 5);
        var id = (await client.CheckoutAsync(patient)).Expect(HttpStatusCode.Accepted).Str("id");
        await client.WaitForStatusAsync(patient.AccessToken, id, "readyToShip");

        var cancelled = (await client.PostAsync($"/api/orders/{id}/cancel", null, patient.AccessToken)).Expect(HttpStatusCode.OK);

        Assert.Equal("refunded", cancelled.Str("status"));
        Assert.Equal(20, await client.StockAsync(product));
    }

    [Fact]
    public async Task A_shipped_order_cannot_be_cancelled()
    {
        var (actors, patient, product) = await PatientWithProductAsync();
        await client.PutInCartAsync(patient, product, 1);
        var id = (await client.CheckoutAsync(patient)).Expect(HttpStatusCode.Accepted).Str("id");
        await client.WaitForStatusAsync(patient.AccessToken, id, "readyToShip");
        (await client.PostAsync($"/api/pharmacy/orders/{id}/ship", new { trackingNumber = "DHL-0002" }, actors.Pharmacist.AccessToken)).Expect(HttpStatusCode.OK);

        (await client.PostAsync($"/api/orders/{id}/cancel", null, patient.AccessToken)).ExpectProblem(HttpStatusCode.Conflict);
        (await client.PostAsync($"/api/pharmacy/orders/{id}/approve", null, actors.Pharmacist.AccessToken)).ExpectProblem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task The_same_key_twice_is_one_order_and_another_patients_same_key_is_another()
    {
        var (_, patient, product) = await PatientWithProductAsync();
        var other = await client.RegisterAndLoginAsync();
        await client.PutInCartAsync(patient, product, 1);
        await client.PutInCartAsync(other, product, 1);

        var first = (await client.CheckoutAsync(patient, key: "retry-me")).Expect(HttpStatusCode.Accepted).Str("id");
        var second = (await client.CheckoutAsync(patient, key: "retry-me")).Expect(HttpStatusCode.Accepted).Str("id");
        var theirs = (await client.CheckoutAsync(other, key: "retry-me")).Expect(HttpStatusCode.Accepted).Str("id");

        Assert.Equal(first, second);
        Assert.NotEqual(first, theirs);
        Assert.Single((await client.GetAsync("/api/orders", patient.AccessToken)).Expect(HttpStatusCode.OK)["items"]!.AsArray());
        (await client.GetAsync($"/api/orders/{theirs}", patient.AccessToken)).ExpectProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Fifty_patients_checking_out_the_last_ten_units_buy_exactly_ten()
    {
        var (actors, _, product) = await PatientWithProductAsync(stock: 10);
        var patients = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => client.RegisterAndLoginAsync()));
        foreach (var patient in patients)
            await client.PutInCartAsync(patient, product, 1);

        var answers = await Task.WhenAll(patients.Select(async patient => (patient, await client.CheckoutAsync(patient))));
        var settled = new List<string>();
        foreach (var (patient, answer) in answers)
        {
            if (answer.Status == HttpStatusCode.Conflict)
            {
                // Refused at checkout: the stock was already taken.
                answer.ExpectProblem(HttpStatusCode.Conflict);
                settled.Add("refused");
                continue;
            }
            var id = answer.Expect(HttpStatusCode.Accepted).Str("id");
            JsonNode? order = null;
            await Poll.UntilAsync(async () =>
            {
                order = (await client.GetAsync($"/api/orders/{id}", patient.AccessToken)).Expect(HttpStatusCode.OK);
                return order.Str("status") is "readyToShip" or "cancelled";
            }, TimeSpan.FromSeconds(30), $"order {id} to settle");
            settled.Add(order!.Str("status"));
        }

        Assert.Equal(10, settled.Count(s => s == "readyToShip"));
        Assert.Equal(40, settled.Count(s => s is "cancelled" or "refused"));
        Assert.Equal(0, await client.StockAsync(product));
    }

    [Fact]
    public async Task Checkout_refuses_an_empty_cart_and_bad_card_or_address_fields()
    {
        var (_, patient, product) = await PatientWithProductAsync();

        (await client.CheckoutAsync(patient)).ExpectProblem(HttpStatusCode.UnprocessableEntity);
        await client.PutInCartAsync(patient, product, 1);
        var problem = (await client.SendAsync(HttpMethod.Post, "/api/orders",
            new { shippingAddress = new { name = "", line1 = "x", city = "y", postalCode = "z" }, payment = new { cardNumber = "4242 4242 4242 4241", expiry = "01/20", cvc = "12" } },
            patient.AccessToken)).ExpectProblem(HttpStatusCode.BadRequest);

        Assert.NotEmpty(problem.FieldErrors("shippingAddress.name"));
        Assert.NotEmpty(problem.FieldErrors("shippingAddress.country"));
        Assert.NotEmpty(problem.FieldErrors("payment.cardNumber"));
        Assert.NotEmpty(problem.FieldErrors("payment.expiry"));
        Assert.NotEmpty(problem.FieldErrors("payment.cvc"));
        Assert.Single((await client.GetAsync("/api/cart", patient.AccessToken)).Expect(HttpStatusCode.OK)["items"]!.AsArray());
    }

    [Fact]
    public async Task The_card_number_is_never_written_to_disk()
    {
        var (_, patient, product) = await PatientWithProductAsync();
        await client.PutInCartAsync(patient, product, 1);
        const string card = "5555 5555 5555 4444";

        var id = (await client.CheckoutAsync(patient, card: card)).Expect(HttpStatusCode.Accepted).Str("id");
        var order = await client.WaitForStatusAsync(patient.AccessToken, id, "readyToShip");

        Assert.Equal("4444", order.Str("cardLast4"));
        var digits = Encoding.UTF8.GetBytes(card.Replace(" ", "", StringComparison.Ordinal));
        foreach (var file in Directory.EnumerateFiles(api.DataDirectory))
        {
            byte[] bytes;
            using (var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
            {
                bytes = new byte[stream.Length];
                stream.ReadExactly(bytes);
            }
            Assert.True(bytes.AsSpan().IndexOf(digits) < 0, $"{Path.GetFileName(file)} contains the card number");
            Assert.True(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(card)) < 0, $"{Path.GetFileName(file)} contains the card number");
        }
    }

    [Fact]
    public async Task The_pharmacy_queue_lists_orders_by_status_for_staff_only()
    {
        var (actors, patient, product) = await PatientWithProductAsync();
        await client.PutInCartAsync(patient, product, 1);
        var id = (await client.CheckoutAsync(patient)).Expect(HttpStatusCode.Accepted).Str("id");
        await client.WaitForStatusAsync(patient.AccessToken, id, "readyToShip");

        var queued = new List<JsonNode>();
        for (var page = 1; ; page++)
        {
            var queue = (await client.GetAsync($"/api/pharmacy/orders?status=readyToShip&pageSize=100&page={page}", actors.Pharmacist.AccessToken)).Expect(HttpStatusCode.OK);
            queued.AddRange(queue["items"]!.AsArray().Select(o => o!));
            if (queued.Count >= queue["totalCount"]!.GetValue<long>())
                break;
        }

        Assert.Contains(queued, o => o.Str("id") == id);
        Assert.All(queued, o => Assert.Equal("readyToShip", o.Str("status")));
        (await client.GetAsync("/api/pharmacy/orders", patient.AccessToken)).ExpectProblem(HttpStatusCode.Forbidden);
        (await client.GetAsync("/api/pharmacy/orders?status=lost", actors.Admin.AccessToken)).ExpectProblem(HttpStatusCode.BadRequest);
        (await client.PostAsync($"/api/pharmacy/orders/{id}/ship", new { trackingNumber = "DHL-1" }, actors.Admin.AccessToken)).ExpectProblem(HttpStatusCode.Forbidden);
        (await client.PostAsync($"/api/orders/{id}/cancel", null, (await client.RegisterAndLoginAsync()).AccessToken)).ExpectProblem(HttpStatusCode.NotFound);
    }
}
