using System.Net;
using MedPlatform.TestSupport;
using MySqlConnector;
using OtpNet;

namespace MedPlatform.Cluster.Tests;

[Collection(nameof(ClusterTopology))]
public sealed class TwoFactorOnClusterTests(ProcessCluster cluster)
{
    [Fact]
    public Task A_secret_encrypted_by_one_silo_is_read_by_silos_started_after_it_and_is_never_stored_in_the_clear() => cluster.Explain(async () =>
    {
        await cluster.EnsureSilosAsync(2);
        var client = cluster.Apis[0].NewClient();
        var patient = await client.RegisterAndLoginAsync();
        var setup = (await client.PostAsync("/api/me/two-factor/setup", new { }, patient.AccessToken)).Expect(HttpStatusCode.OK);
        var secret = setup.Str("secret");
        var authenticator = new Totp(Base32Encoding.ToBytes(secret));
        (await client.PostAsync("/api/me/two-factor/confirm", new { password = "correct-horse-battery", code = authenticator.ComputeTotp() }, patient.AccessToken)).Expect(HttpStatusCode.OK);
        var confirmedInStep = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30;

        await using (var database = new MySqlConnection(cluster.MariaDb.ConnectionString("medplatform")))
        {
            await database.OpenAsync();
            await using var stored = new MySqlCommand("SELECT COUNT(*) FROM OrleansStorage WHERE INSTR(PayloadBinary, @secret) > 0;", database);
            stored.Parameters.AddWithValue("secret", System.Text.Encoding.UTF8.GetBytes(secret));
            Assert.Equal(0L, Convert.ToInt64(await stored.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture));
        }

        // Every silo that could have held the account (and its decrypted secret) is replaced by one
        // that never saw it: only the key ring shared in Redis lets the new ones read the secret.
        foreach (var silo in cluster.LiveSilos.ToList())
            await cluster.ReplaceSiloAsync(silo);
        await cluster.WaitUntilServingAsync();

        while (DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30 == confirmedInStep)
            await Task.Delay(500);
        var other = cluster.Apis[1].NewClient();
        var challenge = (await other.PostAsync("/api/auth/login", new { email = patient.Email, password = "correct-horse-battery" })).Expect(HttpStatusCode.OK);
        var signedIn = (await other.PostAsync("/api/auth/login/two-factor", new { challengeToken = challenge.Str("challengeToken"), code = authenticator.ComputeTotp() }))
            .Expect(HttpStatusCode.OK);
        Assert.True(signedIn["user"]!["twoFactorEnabled"]!.GetValue<bool>());
    });
}
