using System.Diagnostics;
using System.Net;
using MedPlatform.TestSupport;

namespace MedPlatform.Api.Tests;

/// <summary>
/// Confirming an address and resetting a forgotten password through the Api, with the mail read
/// from the mailbox folder the embedded platform writes it to.
/// </summary>
[Collection(nameof(EmbeddedApi))]
public sealed class AccountRecoveryTests(EmbeddedApiFactory api)
{
    internal const string ResetSubject = "Reset your MedPlatform password";

    [Fact]
    public async Task An_unconfirmed_patient_browses_but_cannot_ask_or_order_until_the_link_is_followed()
    {
        var client = api.NewClient();
        var patient = await client.RegisterAndLoginAsync(confirmEmail: false);
        Assert.False((await client.GetAsync("/api/me", patient.AccessToken)).Expect(HttpStatusCode.OK)["emailVerified"]!.GetValue<bool>());
        var question = new { title = "A cough that will not stop", body = "It has lasted three weeks and is worse at night.", department = "general-practice" };

        var ask = (await client.PostAsync("/api/forum/threads", question, patient.AccessToken)).ExpectProblem(HttpStatusCode.Forbidden);
        Assert.Equal("urn:medplatform:problem:email-not-verified", ask.Str("type"));
        var actors = await MallActors.GetAsync(api);
        await client.PutInCartAsync(patient, actors.OtcProductId, 1); // the cart is hers to fill
        var checkout = (await client.CheckoutAsync(patient)).ExpectProblem(HttpStatusCode.Forbidden);
        Assert.Equal("urn:medplatform:problem:email-not-verified", checkout.Str("type"));
        Assert.Single((await client.GetAsync("/api/cart", patient.AccessToken)).Expect(HttpStatusCode.OK)["items"]!.AsArray());
        (await client.PostAsync("/api/prescriptions", new { patientId = patient.Id, items = new[] { new { productId = actors.RxProductId, quantity = 1 } } },
            actors.VerifiedDoctor.AccessToken)).ExpectProblem(HttpStatusCode.UnprocessableEntity);

        // She asks for another link; the newest one works (and so would the first, until one is used).
        (await client.PostAsync("/api/me/verification-email", null, patient.AccessToken)).Expect(HttpStatusCode.Accepted);
        await api.Mailbox.WaitForAsync(patient.Email, ApiClient.ConfirmationSubject, count: 2);
        await client.ConfirmEmailAsync(patient.Email);
        (await client.PostAsync("/api/forum/threads", question, patient.AccessToken)).Expect(HttpStatusCode.Created);
        (await client.CheckoutAsync(patient)).Expect(HttpStatusCode.Accepted);
        (await client.PostAsync("/api/me/verification-email", null, patient.AccessToken)).ExpectProblem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Asking_again_and_again_for_a_confirmation_mail_is_a_429()
    {
        var client = api.NewClient();
        var patient = await client.RegisterAndLoginAsync(confirmEmail: false);
        for (var i = 0; i < 3; i++)
            (await client.PostAsync("/api/me/verification-email", null, patient.AccessToken)).Expect(HttpStatusCode.Accepted);
        var refused = await client.PostAsync("/api/me/verification-email", null, patient.AccessToken);
        refused.ExpectProblem(HttpStatusCode.TooManyRequests);
        Assert.True(refused.Headers.ContainsKey("Retry-After"));
    }

    [Fact]
    public async Task An_admin_cannot_verify_a_doctor_who_has_not_confirmed_the_address()
    {
        var client = api.NewClient();
        var admin = await client.LoginAsync(EmbeddedApiFactory.AdminEmail, EmbeddedApiFactory.AdminPassword);
        var email = ApiClient.UniqueEmail("doctor");
        var doctor = await client.RegisterAsync(email, "doctor", confirmEmail: false);
        (await client.PostAsync($"/api/admin/doctors/{doctor.Str("id")}/verify", null, admin.AccessToken)).ExpectProblem(HttpStatusCode.UnprocessableEntity);
        await client.ConfirmEmailAsync(email);
        Assert.True((await client.PostAsync($"/api/admin/doctors/{doctor.Str("id")}/verify", null, admin.AccessToken)).Expect(HttpStatusCode.OK)["verified"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_reset_link_sets_a_new_password_ends_every_session_mails_the_owner_and_is_audited()
    {
        var client = api.NewClient();
        var user = await client.RegisterAndLoginAsync();
        (await client.PostAsync("/api/auth/forgot-password", new { email = user.Email.ToUpperInvariant() })).Expect(HttpStatusCode.Accepted);
        var mail = Assert.Single(await api.Mailbox.WaitForAsync(user.Email, ResetSubject));
        Assert.StartsWith("http://localhost:5080/reset-password#token=", mail.Link(), StringComparison.Ordinal);

        var weak = (await client.PostAsync("/api/auth/reset-password", new { token = mail.LinkToken(), newPassword = "short" })).ExpectProblem(HttpStatusCode.BadRequest);
        Assert.NotNull(weak["errors"]!["newPassword"]);
        (await client.PostAsync("/api/auth/reset-password", new { token = mail.LinkToken(), newPassword = "reset-by-link-2026" })).Expect(HttpStatusCode.NoContent);

        // Used, tampered, another purpose's: 400 problems naming the token, and nothing changes.
        var confirmation = (await api.Mailbox.WaitForAsync(user.Email, ApiClient.ConfirmationSubject)).Single().LinkToken();
        foreach (var bad in new[] { mail.LinkToken(), mail.LinkToken()[..^2] + "xx", confirmation, "garbage" })
        {
            var refused = (await client.PostAsync("/api/auth/reset-password", new { token = bad, newPassword = "someone-elses-2026" })).ExpectProblem(HttpStatusCode.BadRequest);
            Assert.NotNull(refused["errors"]!["token"]);
        }
        (await client.PostAsync("/api/auth/refresh", new { refreshToken = user.RefreshToken })).ExpectProblem(HttpStatusCode.Unauthorized);
        (await client.PostAsync("/api/auth/login", new { email = user.Email, password = "correct-horse-battery" })).ExpectProblem(HttpStatusCode.Unauthorized);
        var again = await client.LoginAsync(user.Email, "reset-by-link-2026");
        await api.Mailbox.WaitForAsync(user.Email, "password was changed");

        var admin = await client.LoginAsync(EmbeddedApiFactory.AdminEmail, EmbeddedApiFactory.AdminPassword);
        var log = (await client.GetAsync($"/api/admin/audit?userId={again.Id}", admin.AccessToken)).Expect(HttpStatusCode.OK);
        Assert.Contains(log["items"]!.AsArray(), e => e!.Str("action") == "auth.password.reset");
    }

    [Fact]
    public async Task Ten_resets_in_a_minute_from_one_network_hit_429()
    {
        var client = api.NewClient(EmbeddedApiFactory.RandomAddress());
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 10; i++)
            statuses.Add((await client.PostAsync("/api/auth/forgot-password", new { email = ApiClient.UniqueEmail("reset") })).Status);
        Assert.Equal(5, statuses.Count(s => s == HttpStatusCode.Accepted));
        Assert.Equal(5, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        Assert.All(statuses.Skip(5), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
    }
}

/// <summary>Its own platform, run while no other test runs: sub-millisecond medians are compared, and neighbours' work would be noise.</summary>
[CollectionDefinition(nameof(QuietApi), DisableParallelization = true)]
public sealed class QuietApi : ICollectionFixture<EmbeddedApiFactory>;

[Collection(nameof(QuietApi))]
public sealed class ForgotPasswordTimingTests(EmbeddedApiFactory api)
{
    [Fact]
    public async Task Forgot_password_answers_the_same_for_a_known_and_an_unknown_address_in_the_same_time()
    {
        const int tries = 20;
        var setup = api.NewClient();
        var known = new List<string>();
        for (var i = 0; i < tries + 1; i++)
            known.Add((await setup.RegisterAndLoginAsync()).Email);

        // Each try from its own network and for its own address, so no throttle is in the way; the two kinds alternate.
        async Task<(ApiResponse Answer, double Milliseconds)> Ask(string email)
        {
            // The lookup and the mail of a known address happen after its answer; let them finish, so they are not charged to the next try.
            await Task.Delay(50);
            var client = api.NewClient(EmbeddedApiFactory.RandomAddress());
            var clock = Stopwatch.StartNew();
            var answer = await client.PostAsync("/api/auth/forgot-password", new { email });
            return (answer, clock.Elapsed.TotalMilliseconds);
        }
        await Ask(known[tries]);
        await Ask(ApiClient.UniqueEmail("nobody")); // warm both paths
        var knownTimes = new List<double>();
        var unknownTimes = new List<double>();
        ApiResponse? knownAnswer = null, unknownAnswer = null;
        for (var i = 0; i < tries; i++)
        {
            double k, u;
            if (i % 2 == 0)
            {
                (knownAnswer, k) = await Ask(known[i]);
                (unknownAnswer, u) = await Ask(ApiClient.UniqueEmail("nobody"));
            }
            else
            {
                (unknownAnswer, u) = await Ask(ApiClient.UniqueEmail("nobody"));
                (knownAnswer, k) = await Ask(known[i]);
            }
            knownTimes.Add(k);
            unknownTimes.Add(u);
            Assert.Equal(HttpStatusCode.Accepted, knownAnswer.Status);
            Assert.Equal(HttpStatusCode.Accepted, unknownAnswer.Status);
        }

        Assert.Equal(knownAnswer!.Body, unknownAnswer!.Body);
        Assert.Equal(knownAnswer.MediaType, unknownAnswer.MediaType);
        static IEnumerable<string> Headers(ApiResponse answer) =>
            answer.Headers.Where(h => h.Key is not ("Date" or "traceparent")).Select(h => $"{h.Key}: {h.Value}").Order(StringComparer.Ordinal);
        Assert.Equal(Headers(knownAnswer), Headers(unknownAnswer));
        double Median(List<double> times) => times.Order().ElementAt(times.Count / 2);
        var (knownMedian, unknownMedian) = (Median(knownTimes), Median(unknownTimes));
        Console.WriteLine($"forgot-password median over {tries} tries: known address {knownMedian:F2} ms, unknown address {unknownMedian:F2} ms");
        Assert.True(Math.Abs(knownMedian - unknownMedian) <= 0.2 * Math.Max(knownMedian, unknownMedian),
            $"known {knownMedian:F2} ms against unknown {unknownMedian:F2} ms: more than 20 % apart");
        // And the known ones did get their links.
        await api.Mailbox.WaitForAsync(known[0], AccountRecoveryTests.ResetSubject);
    }
}
