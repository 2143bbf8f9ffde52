using System.Globalization;
using System.Net;
using System.Text;
using MedPlatform.TestSupport;

namespace MedPlatform.Api.Tests;

/// <summary>The Api as users run it: a real process with Kestrel, a data directory and demo data.</summary>
public sealed class EmbeddedProcessTests : IAsyncLifetime
{
    private readonly string dataDirectory = Directory.CreateTempSubdirectory("medplatform-process-").FullName;

    private Dictionary<string, string?> Environment() => new()
    {
        ["Embedded__DataDirectory"] = dataDirectory,
        ["Embedded__SiloPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
    };

    [Fact]
    public async Task Accounts_and_sessions_survive_a_restart_of_the_process()
    {
        var email = ApiClient.UniqueEmail();
        SignedInUser before;
        await using (var first = await ApiProcess.StartAsync("api (first run)", Environment()))
        {
            var client = first.NewClient();
            await client.RegisterAsync(email);
            before = await client.LoginAsync(email);
            await first.StopAsync();
            Assert.True(first.Process.HasExited);
        }

        await using var second = await ApiProcess.StartAsync("api (second run)", Environment());
        var again = second.NewClient();

        await again.LoginAsync(email);
        // The signing key is kept in the data directory, so tokens issued before the restart still work.
        (await again.GetAsync("/api/me", before.AccessToken)).Expect(HttpStatusCode.OK);
        (await again.PostAsync("/api/auth/refresh", new { refreshToken = before.RefreshToken })).Expect(HttpStatusCode.OK);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // the keys folder's mode is a Unix one
    public async Task Starts_with_demo_accounts_and_refuses_an_oversized_chunked_body()
    {
        await using var api = await ApiProcess.StartAsync("api (demo)", Environment());
        var client = api.NewClient();

        Assert.Equal("patient", (await client.LoginAsync("alice@medplatform.test", "demo-pass-2026")).Role);
        var doctor = (await client.PostAsync("/api/auth/login", new { email = "dr.chen@medplatform.test", password = "demo-pass-2026" })).Expect(HttpStatusCode.OK);
        Assert.True(doctor["user"]!["verified"]!.GetValue<bool>());

        // No Content-Length: Kestrel's own limit has to catch it while reading.
        var chunked = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes("{\"email\":\"" + new string('x', 300 * 1024) + "\"}")));
        chunked.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login") { Content = chunked };
        request.Headers.TransferEncodingChunked = true;
        using var response = await client.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);

        // The key ring: made at start in a folder only this account opens, and said so instead of the framework's warning.
        var output = api.Process.RecentOutput(400);
        Assert.DoesNotContain("No XML encryptor configured", output, StringComparison.Ordinal);
        Assert.Contains($"Data protection keys: in {Path.Combine(dataDirectory, "keys")}, not encrypted: the folder is readable by this account only", output, StringComparison.Ordinal);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.Combine(dataDirectory, "keys")));
        Assert.Single(Directory.GetFiles(Path.Combine(dataDirectory, "keys"), "key-*.xml"));
    }

    [Fact]
    public async Task With_a_certificate_configured_the_key_ring_is_encrypted_and_read_again_after_a_restart()
    {
        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=MedPlatform key ring (test)", rsa,
            System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var pfx = Path.Combine(dataDirectory, "..", $"{Path.GetFileName(dataDirectory)}-key-ring.pfx");
        File.WriteAllBytes(pfx, certificate.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pfx, "pfx-pass"));
        try
        {
            var environment = Environment();
            environment["DataProtection__CertificatePath"] = pfx;
            environment["DataProtection__CertificatePassword"] = "pfx-pass";
            await using (var first = await ApiProcess.StartAsync("api (key ring certificate)", environment))
                Assert.Contains($"encrypted with certificate {certificate.Thumbprint}", first.Process.RecentOutput(400), StringComparison.Ordinal);

            var key = File.ReadAllText(Assert.Single(Directory.GetFiles(Path.Combine(dataDirectory, "keys"), "key-*.xml")));
            Assert.Contains("<encryptedSecret", key, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", key, StringComparison.Ordinal);

            // The start checks that the keys can be read: with the certificate they are; without it the start fails
            // instead of making a new key, which would leave every secret the old one encrypted unreadable.
            environment["Embedded__SiloPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture);
            await using (var again = await ApiProcess.StartAsync("api (key ring certificate, again)", environment))
                (await again.NewClient().GetAsync("/health/ready")).Expect(HttpStatusCode.OK);
            environment.Remove("DataProtection__CertificatePath");
            environment["Embedded__SiloPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture);
            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => ApiProcess.StartAsync("api (key ring without its certificate)", environment));
            Assert.Contains("exited", refused.Message, StringComparison.Ordinal);
            Assert.Contains("cannot be read (CryptographicException", refused.Message, StringComparison.Ordinal);
            Assert.Single(Directory.GetFiles(Path.Combine(dataDirectory, "keys"), "key-*.xml")); // no new key made in its place
        }
        finally
        {
            File.Delete(pfx);
        }
    }

    [Fact]
    public async Task Sign_in_requests_beyond_the_per_address_limit_get_429()
    {
        var environment = Environment();
        environment["RateLimits__AuthenticationPerMinute"] = "3";
        await using var api = await ApiProcess.StartAsync("api (rate limited)", environment);
        var client = api.NewClient();
        for (var i = 0; i < 3; i++)
            (await client.PostAsync("/api/auth/login", new { email = "nobody@example.test", password = "not-the-password" })).ExpectProblem(HttpStatusCode.Unauthorized);

        var limited = await client.PostAsync("/api/auth/login", new { email = "nobody@example.test", password = "not-the-password" });

        limited.ExpectProblem(HttpStatusCode.TooManyRequests);
        Assert.True(int.Parse(limited.Headers["Retry-After"], CultureInfo.InvariantCulture) > 0);
        (await client.GetAsync("/health/live")).Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_order_caught_mid_payment_by_a_crash_is_finished_after_restart_and_charged_once()
    {
        var environment = Environment();
        environment["Payments__SimulatedLatency"] = "00:00:05";
        SignedInUser patient;
        string orderId, paracetamol;
        int stockBefore;
        await using (var first = await ApiProcess.StartAsync("api (slow gateway)", environment))
        {
            var client = first.NewClient();
            patient = await client.RegisterAndLoginAsync();
            paracetamol = (await client.GetAsync("/api/products?q=paracetamol")).Expect(HttpStatusCode.OK)["items"]![0]!.Str("id");
            stockBefore = (await client.GetAsync($"/api/products/{paracetamol}")).Expect(HttpStatusCode.OK)["stock"]!.GetValue<int>();
            (await client.SendAsync(HttpMethod.Put, $"/api/cart/items/{paracetamol}", new { quantity = 2 }, patient.AccessToken)).Expect(HttpStatusCode.OK);
            orderId = (await client.SendAsync(HttpMethod.Post, "/api/orders", OrderFlows.CheckoutBody(), patient.AccessToken,
                new Dictionary<string, string> { ["Idempotency-Key"] = "crash-test" })).Expect(HttpStatusCode.Accepted).Str("id");
            // Wait until the gateway has charged the card but its answer is still on the way back,
            // then crash: the order has not recorded the payment it made.
            await Poll.UntilAsync(async () => await ChargedRequests(orderId) == 1, TimeSpan.FromSeconds(20), "the gateway to charge the card");
            Assert.Equal("stockReserved", (await client.GetAsync($"/api/orders/{orderId}", patient.AccessToken)).Expect(HttpStatusCode.OK).Str("status"));
            await first.Process.KillAsync();
        }

        environment["Payments__SimulatedLatency"] = "00:00:00";
        await using var second = await ApiProcess.StartAsync("api (after the crash)", environment);
        var again = second.NewClient();

        var order = await again.WaitForStatusAsync(patient.AccessToken, orderId, "readyToShip");
        Assert.Equal(1, order["history"]!.AsArray().Count(h => h!.Str("status") == "paid"));
        Assert.Equal(stockBefore - 2, (await again.GetAsync($"/api/products/{paracetamol}")).Expect(HttpStatusCode.OK)["stock"]!.GetValue<int>());
        Assert.Equal(1, await ChargedRequests(orderId));
    }

    /// <summary>How many requests to the simulated gateway actually charged the card for the order.</summary>
    private async Task<long> ChargedRequests(string orderId)
    {
        await using var ledger = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(dataDirectory, "orders.db")};Mode=ReadOnly;Pooling=False");
        await ledger.OpenAsync();
        await using var command = ledger.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM gateway_requests WHERE order_id = $id AND operation = 'charge' AND outcome = 'charged';";
        command.Parameters.AddWithValue("$id", orderId);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        try { Directory.Delete(dataDirectory, recursive: true); } catch (IOException) { }
        return Task.CompletedTask;
    }
}
