using System.Net;

namespace MedPlatform.Api.Tests;

/// <summary>Every mall endpoint against every kind of caller, with the status each must get.</summary>
[Collection(nameof(EmbeddedApi))]
public sealed class MallRoleMatrixTests(EmbeddedApiFactory api)
{
    private static readonly string[] Roles = ["visitor", "patient", "other patient", "unverified doctor", "verified doctor", "pharmacist", "admin"];

    // Expected status per role, in the order of Roles. {rx}: the patient's prescription from the verified doctor.
    private static readonly (string Method, string Path, Func<MallActors, object?> Body, int[] Expected)[] Endpoints =
    [
        ("GET", "/api/products", _ => null, [200, 200, 200, 200, 200, 200, 200]),
        ("GET", "/api/products/categories", _ => null, [200, 200, 200, 200, 200, 200, 200]),
        ("GET", "/api/products/{otc}", _ => null, [200, 200, 200, 200, 200, 200, 200]),
        ("POST", "/api/products", _ => MallActors.NewProduct("Matrix created"), [401, 403, 403, 403, 403, 201, 201]),
        ("PUT", "/api/products/{otc}", _ => new { priceCents = 460 }, [401, 403, 403, 403, 403, 200, 200]),
        ("POST", "/api/products/{otc}/stock", _ => new { delta = 1, reason = "Delivery" }, [401, 403, 403, 403, 403, 200, 200]),
        ("POST", "/api/prescriptions", a => new { patientId = a.Patient.Id, items = new[] { new { productId = a.RxProductId, quantity = 1 } } },
            [401, 403, 403, 403, 201, 403, 403]),
        ("GET", "/api/prescriptions", _ => null, [401, 200, 200, 200, 200, 403, 403]),
        ("GET", "/api/prescriptions/{rx}", _ => null, [401, 200, 404, 404, 200, 200, 200]),
        ("POST", "/api/prescriptions/{cancellable}/cancel", _ => null, [401, 403, 403, 404, 200, 403, 403]),
        ("GET", "/api/cart", _ => null, [401, 200, 200, 403, 403, 403, 403]),
        ("PUT", "/api/cart/items/{otc}", _ => new { quantity = 1 }, [401, 200, 200, 403, 403, 403, 403]),
        ("DELETE", "/api/cart/items/{otc}", _ => null, [401, 200, 200, 403, 403, 403, 403]),
    ];

    public static TheoryData<string, string, string, int> Cases()
    {
        var cases = new TheoryData<string, string, string, int>();
        foreach (var (method, path, _, expected) in Endpoints)
            for (var i = 0; i < Roles.Length; i++)
                cases.Add(method, path, Roles[i], expected[i]);
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_role_gets_the_expected_status(string method, string path, string role, int expected)
    {
        var actors = await MallActors.GetAsync(api);
        var body = Endpoints.Single(e => e.Method == method && e.Path == path).Body(actors);
        var url = path.Replace("{otc}", actors.OtcProductId, StringComparison.Ordinal)
            .Replace("{rx}", actors.PrescriptionId, StringComparison.Ordinal)
            .Replace("{cancellable}", actors.CancellablePrescriptionId, StringComparison.Ordinal);

        var response = await actors.Client.SendAsync(new HttpMethod(method), url, body, actors.TokenOf(role));

        Assert.True((int)response.Status == expected, $"{role} {method} {path}: expected {expected}, got {response}");
        if (expected >= 400)
            response.ExpectProblem((HttpStatusCode)expected);
    }
}
