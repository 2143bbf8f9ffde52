using System.Net;
using MedPlatform.TestSupport;

namespace MedPlatform.Api.Tests;

/// <summary>
/// The seven kinds of caller the mall's rules distinguish, as real accounts signed in over HTTP,
/// with a product of each kind and prescriptions to act on. Created once per test run.
/// </summary>
public sealed record MallActors(
    ApiClient Client, SignedInUser Patient, SignedInUser OtherPatient, SignedInUser UnverifiedDoctor, SignedInUser VerifiedDoctor,
    SignedInUser Pharmacist, SignedInUser Admin, string OtcProductId, string RxProductId, string PrescriptionId, string CancellablePrescriptionId)
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static MallActors? created;

    public static async Task<MallActors> GetAsync(EmbeddedApiFactory api)
    {
        await Gate.WaitAsync();
        try
        {
            return created ??= await CreateAsync(api);
        }
        finally
        {
            Gate.Release();
        }
    }

    public string? TokenOf(string role) => role switch
    {
        "visitor" => null,
        "patient" => Patient.AccessToken,
        "other patient" => OtherPatient.AccessToken,
        "unverified doctor" => UnverifiedDoctor.AccessToken,
        "verified doctor" => VerifiedDoctor.AccessToken,
        "pharmacist" => Pharmacist.AccessToken,
        "admin" => Admin.AccessToken,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    public static object NewProduct(string name, bool rx = false, int stock = 500, long priceCents = 450, bool controlled = false, int? maxPerOrder = null) =>
        new { name, category = rx ? "antibiotics" : "pain-fever", form = "tablet", strength = "500 mg", description = "For tests.", priceCents, stock,
              requiresPrescription = rx, controlled, maxPerOrder };

    public static async Task<string> CreateProductAsync(ApiClient client, SignedInUser staff, object product) =>
        (await client.PostAsync("/api/products", product, staff.AccessToken)).Expect(HttpStatusCode.Created).Str("id");

    public static async Task<string> PrescribeAsync(ApiClient client, SignedInUser doctor, string patientId, string productId, int quantity = 5) =>
        (await client.PostAsync("/api/prescriptions", new { patientId, items = new[] { new { productId, quantity } } }, doctor.AccessToken))
            .Expect(HttpStatusCode.Created).Str("id");

    private static async Task<MallActors> CreateAsync(EmbeddedApiFactory api)
    {
        var client = api.NewClient();
        var admin = await client.LoginAsync(EmbeddedApiFactory.AdminEmail, EmbeddedApiFactory.AdminPassword);
        var pharmacistEmail = ApiClient.UniqueEmail("pharmacist");
        (await client.PostAsync("/api/admin/users", new { email = pharmacistEmail, password = "pharmacy-pass-2026", displayName = "Pharmacist", role = "pharmacist" }, admin.AccessToken))
            .Expect(HttpStatusCode.Created);
        var pharmacist = await client.LoginAsync(pharmacistEmail, "pharmacy-pass-2026");
        var patient = await client.RegisterAndLoginAsync();
        var doctor = await ForumActors.VerifiedDoctorAsync(client, admin);
        var otc = await CreateProductAsync(client, pharmacist, NewProduct("Matrix OTC"));
        var rx = await CreateProductAsync(client, pharmacist, NewProduct("Matrix Rx", rx: true));
        return new MallActors(client, patient, await client.RegisterAndLoginAsync(), await client.RegisterAndLoginAsync("doctor"), doctor,
            pharmacist, admin, otc, rx, await PrescribeAsync(client, doctor, patient.Id, rx), await PrescribeAsync(client, doctor, patient.Id, rx));
    }
}
