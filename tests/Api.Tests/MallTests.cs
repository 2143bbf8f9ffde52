using System.Net;
using MedPlatform.TestSupport;

namespace MedPlatform.Api.Tests;

[Collection(nameof(EmbeddedApi))]
public sealed class MallTests(EmbeddedApiFactory api)
{
    private readonly ApiClient client = api.NewClient();

    private async Task<(MallActors Actors, SignedInUser Patient)> FreshPatientAsync() =>
        (await MallActors.GetAsync(api), await client.RegisterAndLoginAsync());

    [Fact]
    public async Task The_catalog_lists_real_medicines_with_the_contract_fields()
    {
        var page = (await client.GetAsync("/api/products?q=amoxicillin")).Expect(HttpStatusCode.OK);

        var product = page["items"]!.AsArray().First(p => p!.Str("name") == "Amoxicillin")!;
        Assert.Equal("antibiotics", product.Str("category"));
        Assert.Equal("capsule", product.Str("form"));
        Assert.Contains("500 mg", product.Str("strength"), StringComparison.Ordinal);
        Assert.True(product["priceCents"]!.GetValue<long>() > 0);
        Assert.True(product["stock"]!.GetValue<int>() >= 0);
        Assert.True(product["requiresPrescription"]!.GetValue<bool>());
        Assert.False(product["controlled"]!.GetValue<bool>());
        var detail = (await client.GetAsync($"/api/products/{product.Str("id")}")).Expect(HttpStatusCode.OK);
        Assert.False(string.IsNullOrEmpty(detail.Str("description")));
    }

    [Fact]
    public async Task Categories_filter_the_catalog()
    {
        var categories = (await client.GetAsync("/api/products/categories")).Expect(HttpStatusCode.OK).AsArray();
        Assert.Contains(categories, c => c!.Str("id") == "vitamins");

        var vitamins = (await client.GetAsync("/api/products?category=vitamins&pageSize=100")).Expect(HttpStatusCode.OK);

        Assert.NotEmpty(vitamins["items"]!.AsArray());
        Assert.All(vitamins["items"]!.AsArray(), p => Assert.Equal("vitamins", p!.Str("category")));
        (await client.GetAsync("/api/products?category=weapons")).ExpectProblem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Catalog_list_and_search_reflect_a_product_update_within_a_second()
    {
        var actors = await MallActors.GetAsync(api);
        var marker = "zq" + Guid.NewGuid().ToString("N")[..8];
        var id = await MallActors.CreateProductAsync(client, actors.Pharmacist, MallActors.NewProduct($"Fresh {marker}"));

        (await client.SendAsync(HttpMethod.Put, $"/api/products/{id}", new { priceCents = 1234, description = $"Now with {marker}extra" }, actors.Pharmacist.AccessToken))
            .Expect(HttpStatusCode.OK);
        (await client.PostAsync($"/api/products/{id}/stock", new { delta = -7, reason = "Damaged in transit" }, actors.Pharmacist.AccessToken)).Expect(HttpStatusCode.OK);

        await Poll.UntilAsync(async () =>
        {
            var searched = (await client.GetAsync($"/api/products?q={marker}extra")).Expect(HttpStatusCode.OK)["items"]!.AsArray();
            var listed = (await client.GetAsync($"/api/products?category=pain-fever&q=Fresh+{marker}")).Expect(HttpStatusCode.OK)["items"]!.AsArray();
            return searched.Any(p => p!.Str("id") == id && p!["priceCents"]!.GetValue<long>() == 1234 && p!["stock"]!.GetValue<int>() == 493)
                && listed.Any(p => p!.Str("id") == id && p!["priceCents"]!.GetValue<long>() == 1234);
        }, TimeSpan.FromSeconds(1), "the catalog to show the new price, description and stock");
    }

    [Fact]
    public async Task A_patient_cannot_use_another_patients_prescription()
    {
        var (actors, patient) = await FreshPatientAsync();

        (await client.SendAsync(HttpMethod.Put, $"/api/cart/items/{actors.RxProductId}", new { quantity = 1, prescriptionId = actors.PrescriptionId }, patient.AccessToken))
            .ExpectProblem(HttpStatusCode.NotFound);
        (await client.GetAsync($"/api/prescriptions/{actors.PrescriptionId}", patient.AccessToken)).ExpectProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_prescription_medicine_needs_a_prescription_and_cannot_exceed_what_remains()
    {
        var (actors, patient) = await FreshPatientAsync();
        var prescription = await MallActors.PrescribeAsync(client, actors.VerifiedDoctor, patient.Id, actors.RxProductId, quantity: 2);
        var url = $"/api/cart/items/{actors.RxProductId}";

        (await client.SendAsync(HttpMethod.Put, url, new { quantity = 1 }, patient.AccessToken)).ExpectProblem(HttpStatusCode.UnprocessableEntity);
        (await client.SendAsync(HttpMethod.Put, url, new { quantity = 3, prescriptionId = prescription }, patient.AccessToken)).ExpectProblem(HttpStatusCode.UnprocessableEntity);
        var cart = (await client.SendAsync(HttpMethod.Put, url, new { quantity = 2, prescriptionId = prescription }, patient.AccessToken)).Expect(HttpStatusCode.OK);

        var line = cart["items"]!.AsArray().Single()!;
        Assert.Equal(prescription, line.Str("prescriptionId"));
        Assert.Equal(2, line["quantity"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_cancelled_prescription_is_refused_in_the_cart()
    {
        var (actors, patient) = await FreshPatientAsync();
        var prescription = await MallActors.PrescribeAsync(client, actors.VerifiedDoctor, patient.Id, actors.RxProductId);
        (await client.PostAsync($"/api/prescriptions/{prescription}/cancel", null, actors.VerifiedDoctor.AccessToken)).Expect(HttpStatusCode.OK);

        (await client.SendAsync(HttpMethod.Put, $"/api/cart/items/{actors.RxProductId}", new { quantity = 1, prescriptionId = prescription }, patient.AccessToken))
            .ExpectProblem(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task A_controlled_product_never_enters_a_cart()
    {
        var (_, patient) = await FreshPatientAsync();
        var codeine = (await client.GetAsync("/api/products?q=codeine")).Expect(HttpStatusCode.OK)["items"]!.AsArray()
            .First(p => p!["controlled"]!.GetValue<bool>())!.Str("id");

        (await client.SendAsync(HttpMethod.Put, $"/api/cart/items/{codeine}", new { quantity = 1 }, patient.AccessToken))
            .ExpectProblem(HttpStatusCode.UnprocessableEntity);

        Assert.Empty((await client.GetAsync("/api/cart", patient.AccessToken)).Expect(HttpStatusCode.OK)["items"]!.AsArray());
    }

    [Fact]
    public async Task Prices_come_from_the_catalog_whatever_the_request_says()
    {
        var (actors, patient) = await FreshPatientAsync();
        var id = await MallActors.CreateProductAsync(client, actors.Pharmacist, MallActors.NewProduct("Priced by the catalog", priceCents: 999));

        var cart = (await client.SendAsync(HttpMethod.Put, $"/api/cart/items/{id}",
            new { quantity = 2, unitPriceCents = 1, priceCents = 1, totalCents = 2 }, patient.AccessToken)).Expect(HttpStatusCode.OK);

        Assert.Equal(999, cart["items"]![0]!["unitPriceCents"]!.GetValue<long>());
        Assert.Equal(1998, cart["totalCents"]!.GetValue<long>());
    }

    [Fact]
    public async Task Quantities_are_positive_whole_numbers_bounded_by_stock_and_the_per_order_limit()
    {
        var (actors, patient) = await FreshPatientAsync();
        var scarce = await MallActors.CreateProductAsync(client, actors.Pharmacist, MallActors.NewProduct("Scarce", stock: 2));
        var limited = await MallActors.CreateProductAsync(client, actors.Pharmacist, MallActors.NewProduct("Limited", maxPerOrder: 1));

        (await client.SendAsync(HttpMethod.Put, $"/api/cart/items/{scarce}", new { quantity = 3 }, patient.AccessToken)).ExpectProblem(HttpStatusCode.Conflict);
        (await client.SendAsync(HttpMethod.Put, $"/api/cart/items/{limited}", new { quantity = 2 }, patient.AccessToken)).ExpectProblem(HttpStatusCode.UnprocessableEntity);
        (await client.SendAsync(HttpMethod.Put, $"/api/cart/items/{scarce}", new { quantity = -1 }, patient.AccessToken)).ExpectProblem(HttpStatusCode.BadRequest);
        (await client.SendAsync(HttpMethod.Put, $"/api/cart/items/{scarce}", new { quantity = 1.5 }, patient.AccessToken)).ExpectProblem(HttpStatusCode.BadRequest);
        (await client.SendAsync(HttpMethod.Put, $"/api/cart/items/{scarce}", new { quantity = 2 }, patient.AccessToken)).Expect(HttpStatusCode.OK);

        var emptied = (await client.SendAsync(HttpMethod.Put, $"/api/cart/items/{scarce}", new { quantity = 0 }, patient.AccessToken)).Expect(HttpStatusCode.OK);
        Assert.Empty(emptied["items"]!.AsArray());
    }

    [Fact]
    public async Task A_doctor_prescribes_through_an_anonymous_thread_without_seeing_the_patient()
    {
        var actors = await MallActors.GetAsync(api);
        var author = await client.RegisterAndLoginAsync();
        var thread = (await client.PostAsync("/api/forum/threads", new { title = "A private infection", body = "Details.", department = "general-practice", anonymous = true }, author.AccessToken))
            .Expect(HttpStatusCode.Created).Str("id");
        (await client.PostAsync($"/api/forum/threads/{thread}/answers", new { body = "You need antibiotics." }, actors.VerifiedDoctor.AccessToken)).Expect(HttpStatusCode.Created);

        var issued = (await client.PostAsync("/api/prescriptions", new { threadId = thread, items = new[] { new { productId = actors.RxProductId, quantity = 1 } } },
            actors.VerifiedDoctor.AccessToken)).Expect(HttpStatusCode.Created);

        Assert.Null(issued["patientId"]);
        Assert.Null(issued["patientName"]);
        Assert.DoesNotContain(author.Id, issued.ToJsonString(), StringComparison.Ordinal);
        var issuedList = (await client.GetAsync("/api/prescriptions?pageSize=100", actors.VerifiedDoctor.AccessToken)).Expect(HttpStatusCode.OK)["items"]!.AsArray();
        Assert.Null(issuedList.Single(p => p!.Str("id") == issued.Str("id"))!["patientName"]);
        var mine = (await client.GetAsync("/api/prescriptions", author.AccessToken)).Expect(HttpStatusCode.OK)["items"]!.AsArray().Single()!;
        Assert.Equal(author.Id, mine.Str("patientId"));
        (await client.SendAsync(HttpMethod.Put, $"/api/cart/items/{actors.RxProductId}", new { quantity = 1, prescriptionId = issued.Str("id") }, author.AccessToken))
            .Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Reading_a_prescription_is_audited()
    {
        var (actors, patient) = await FreshPatientAsync();
        var prescription = await MallActors.PrescribeAsync(client, actors.VerifiedDoctor, patient.Id, actors.RxProductId);

        (await client.GetAsync($"/api/prescriptions/{prescription}", actors.Pharmacist.AccessToken)).Expect(HttpStatusCode.OK);

        var log = (await client.GetAsync($"/api/admin/audit?userId={patient.Id}&action=prescription.viewed", actors.Admin.AccessToken)).Expect(HttpStatusCode.OK);
        var entry = log["items"]!.AsArray().Single()!;
        Assert.Equal(actors.Pharmacist.Id, entry.Str("actorId"));
        Assert.Equal($"prescription:{prescription}", entry.Str("target"));
    }

    [Fact]
    public async Task Prescriptions_outside_the_limits_get_a_400_naming_the_field()
    {
        var actors = await MallActors.GetAsync(api);

        var problem = (await client.PostAsync("/api/prescriptions",
            new { patientId = actors.Patient.Id, items = new[] { new { productId = actors.RxProductId, quantity = 0 } }, validDays = 181, repeats = 13 },
            actors.VerifiedDoctor.AccessToken)).ExpectProblem(HttpStatusCode.BadRequest);

        Assert.NotEmpty(problem.FieldErrors("items[0].quantity"));
        Assert.NotEmpty(problem.FieldErrors("validDays"));
        Assert.NotEmpty(problem.FieldErrors("repeats"));
    }
}
