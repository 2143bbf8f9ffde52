using System.Net;
using System.Text.Json.Nodes;
using MedPlatform.TestSupport;

namespace MedPlatform.Api.Tests;

/// <summary>The access log a patient reads: others' reads and changes of their health data, never their own, never someone else's.</summary>
[Collection(nameof(EmbeddedApi))]
public sealed class AccessLogTests(EmbeddedApiFactory api)
{
    private readonly ApiClient client = api.NewClient();

    [Fact]
    public async Task A_pharmacists_reads_of_an_order_are_listed_with_role_and_name_and_the_patients_own_are_not()
    {
        var actors = await MallActors.GetAsync(api);
        var patient = await client.RegisterAndLoginAsync();
        var other = await client.RegisterAndLoginAsync();
        await client.PutInCartAsync(patient, actors.OtcProductId, 1);
        var order = (await client.CheckoutAsync(patient)).Expect(HttpStatusCode.Accepted).Str("id");
        (await client.GetAsync($"/api/orders/{order}", patient.AccessToken)).Expect(HttpStatusCode.OK);
        Assert.Equal(0, (await client.GetAsync("/api/me/access-log", patient.AccessToken)).Expect(HttpStatusCode.OK)["totalCount"]!.GetValue<long>());

        (await client.GetAsync($"/api/orders/{order}", actors.Pharmacist.AccessToken)).Expect(HttpStatusCode.OK);

        var log = (await client.GetAsync("/api/me/access-log", patient.AccessToken)).Expect(HttpStatusCode.OK);
        var entry = Assert.Single(log["items"]!.AsArray())!;
        Assert.Equal("pharmacist", entry.Str("actorRole"));
        Assert.Equal("Pharmacist", entry.Str("actorName"));
        Assert.Equal("order.viewed", entry.Str("action"));
        Assert.Equal($"order:{order}", entry.Str("target"));
        Assert.Equal(0, (await client.GetAsync("/api/me/access-log", other.AccessToken)).Expect(HttpStatusCode.OK)["totalCount"]!.GetValue<long>());
        (await client.GetAsync("/api/me/access-log", actors.Pharmacist.AccessToken)).ExpectProblem(HttpStatusCode.Forbidden);
    }
}

/// <summary>A copy of everything held about a person, with the demo data's other patients as the ones who must not be in it.</summary>
[Collection(nameof(DemoDataApi))]
public sealed class ExportTests(DemoDataApiFactory api)
{
    private readonly ApiClient client = api.NewClient();

    [Fact]
    public async Task A_seeded_patients_export_holds_every_kind_of_record_and_nobody_elses_ids_names_or_emails()
    {
        var alice = await client.LoginAsync("alice@medplatform.test", "demo-pass-2026");
        var products = (await client.GetAsync("/api/products?q=cetirizine")).Expect(HttpStatusCode.OK)["items"]!.AsArray();
        var cetirizine = products.First(p => !p!["requiresPrescription"]!.GetValue<bool>())!.Str("id");
        var address = new { id = (string?)null, name = "Alice Patient", line1 = "4 Lime Street", city = "Leeds", postalCode = "LS1 1AA", country = "United Kingdom", isDefault = true };
        (await client.SendAsync(HttpMethod.Put, "/api/me/addresses", new[] { address }, alice.AccessToken)).Expect(HttpStatusCode.OK);
        await client.PutInCartAsync(alice, cetirizine, 1);
        var order = (await client.CheckoutAsync(alice)).Expect(HttpStatusCode.Accepted).Str("id");
        await client.WaitForStatusAsync(alice.AccessToken, order, "readyToShip");
        await client.PutInCartAsync(alice, cetirizine, 2);
        var pharmacist = await client.LoginAsync("pharmacist@medplatform.test", "demo-pass-2026");
        (await client.GetAsync($"/api/orders/{order}", pharmacist.AccessToken)).Expect(HttpStatusCode.OK);

        var response = await client.GetAsync("/api/me/export", alice.AccessToken);
        var export = response.Expect(HttpStatusCode.OK);

        Assert.StartsWith("attachment; filename=\"medplatform-data-", response.Headers["Content-Disposition"], StringComparison.Ordinal);
        Assert.Equal("alice@medplatform.test", export["account"]!.Str("email"));
        Assert.NotEmpty(export["sessions"]!.AsArray());
        var threads = export["threads"]!.AsArray();
        Assert.True(threads.Count >= 2, $"{threads.Count} threads");
        Assert.Contains(threads, t => t!["answers"]!.AsArray().Count > 0);
        Assert.Contains(export["prescriptions"]!.AsArray(), p => p!["items"]!.AsArray().Count > 0);
        Assert.Equal(2, export["cart"]!["items"]![0]!["quantity"]!.GetValue<int>());
        var exportedOrder = Assert.Single(export["orders"]!.AsArray())!;
        Assert.True(exportedOrder["history"]!.AsArray().Count >= 3, exportedOrder.ToJsonString());
        Assert.Equal("4 Lime Street", export["addresses"]![0]!.Str("line1"));
        Assert.NotEmpty(export["notifications"]!.AsArray());
        Assert.NotNull(export["notificationSettings"]!["email"]);
        Assert.Contains(export["accessLog"]!.AsArray(), e => e!.Str("actorRole") == "pharmacist" && e!.Str("target") == $"order:{order}");

        var admin = await client.LoginAsync("admin@medplatform.test", "demo-pass-2026");
        var everyone = (await client.GetAsync("/api/admin/users?pageSize=100", admin.AccessToken)).Expect(HttpStatusCode.OK)["items"]!.AsArray();
        var others = everyone.Select(u => u!).Where(u => u.Str("email") != "alice@medplatform.test").ToList();
        Assert.Contains(others, u => u.Str("email") == "bob@medplatform.test");
        foreach (var other in others)
        {
            Assert.DoesNotContain(other.Str("email"), response.Body, StringComparison.OrdinalIgnoreCase);
            // A doctor's name and id on an answer or a prescription are the patient's record too; another patient's never are.
            if (other.Str("role") != "patient")
                continue;
            Assert.DoesNotContain(other.Str("id"), response.Body, StringComparison.Ordinal);
            Assert.DoesNotContain(other.Str("displayName"), response.Body, StringComparison.Ordinal);
        }
    }
}
