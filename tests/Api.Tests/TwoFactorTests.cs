using System.Net;
using System.Text.Json.Nodes;
using MedPlatform.Api.Auth;
using MedPlatform.TestSupport;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;

namespace MedPlatform.Api.Tests;

/// <summary>Two-factor sign-in over HTTP: enrolment, the two-step sign-in, recovery codes, turning it off, and the staff's gate.</summary>
[Collection(nameof(EmbeddedApi))]
public sealed class TwoFactorTests(EmbeddedApiFactory api)
{
    private const string Password = "correct-horse-battery";
    private readonly ApiClient client = api.NewClient();

    private async Task<SignedInUser> NewStaffWithoutTwoFactorAsync(string role)
    {
        var admin = await client.LoginAsync(EmbeddedApiFactory.AdminEmail, EmbeddedApiFactory.AdminPassword);
        var email = ApiClient.UniqueEmail(role);
        (await client.PostAsync("/api/admin/users", new { email, password = Password, displayName = $"New {role}", role }, admin.AccessToken))
            .Expect(HttpStatusCode.Created);
        // The password alone, as a new member of staff signs in the first time.
        var json = (await client.PostAsync("/api/auth/login", new { email, password = Password })).Expect(HttpStatusCode.OK);
        Assert.False(json["user"]!["twoFactorEnabled"]!.GetValue<bool>());
        return SignedInUser.From(json);
    }

    [Fact]
    public async Task An_admin_without_two_factor_is_refused_everywhere_but_enrolment_and_after_enrolling_signs_in_with_a_code()
    {
        var admin = await NewStaffWithoutTwoFactorAsync("admin");
        var endpoints = api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api/", StringComparison.Ordinal))
            .SelectMany(e => e.Metadata.GetRequiredMetadata<HttpMethodMetadata>().HttpMethods.Select(method => (Endpoint: e, Method: method)))
            .ToList();
        Assert.True(endpoints.Count > 40, $"only {endpoints.Count} endpoints found");

        var allowed = new List<string>();
        foreach (var (endpoint, method) in endpoints)
        {
            var path = string.Join("/", endpoint.RoutePattern.RawText!.Split('/').Select(part => part.StartsWith('{') ? "0a1b2c3d" : part));
            if (endpoint.Metadata.GetMetadata<AllowedBeforeTwoFactorMetadata>() is not null)
            {
                allowed.Add($"{method} {endpoint.RoutePattern.RawText}");
                continue;
            }
            var response = await client.SendAsync(new HttpMethod(method), path, method is "GET" or "DELETE" ? null : new { }, admin.AccessToken);
            var problem = response.ExpectProblem(HttpStatusCode.Forbidden);
            Assert.True(problem.Str("type").EndsWith("two-factor-required", StringComparison.Ordinal), $"{method} {path}: {response}");
        }
        Assert.Equal(["DELETE /api/me/sessions/{id}", "GET /api/me/", "GET /api/me/sessions", "POST /api/auth/logout", "POST /api/me/two-factor/confirm", "POST /api/me/two-factor/setup"],
            allowed.Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/me", admin.AccessToken)).Status);

        var enrolled = await client.Authenticators.EnrolAsync(client, admin, Password);
        (await client.GetAsync("/api/admin/users", enrolled.AccessToken)).Expect(HttpStatusCode.OK);

        var challenge = (await client.PostAsync("/api/auth/login", new { email = admin.Email, password = Password })).Expect(HttpStatusCode.OK);
        Assert.True(challenge["twoFactorRequired"]!.GetValue<bool>());
        Assert.Null(challenge["accessToken"]);
        Assert.Null(challenge["refreshToken"]);
        Assert.Null(challenge["user"]);
        var code = client.Authenticators.Of(admin.Email)!.CodeOfNextStep()!;
        var signedIn = (await client.PostAsync("/api/auth/login/two-factor", new { challengeToken = challenge.Str("challengeToken"), code })).Expect(HttpStatusCode.OK);
        Assert.True(signedIn["user"]!["twoFactorEnabled"]!.GetValue<bool>());
        (await client.GetAsync("/api/admin/users", signedIn.Str("accessToken"))).Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_patient_enrols_with_a_QR_code_signs_in_with_a_recovery_code_and_turns_it_off_with_password_and_code()
    {
        var patient = await client.RegisterAndLoginAsync();
        var setup = (await client.PostAsync("/api/me/two-factor/setup", new { }, patient.AccessToken)).Expect(HttpStatusCode.OK);
        Assert.StartsWith("otpauth://totp/MedPlatform:", setup.Str("otpauthUri"), StringComparison.Ordinal);
        Assert.StartsWith("<svg", setup.Str("qrCodeSvg"), StringComparison.Ordinal);
        var authenticator = new Totp(Base32Encoding.ToBytes(setup.Str("secret")));

        var wrong = (await client.PostAsync("/api/me/two-factor/confirm", new { password = Password, code = "123456" }, patient.AccessToken)).ExpectProblem(HttpStatusCode.BadRequest);
        Assert.NotEmpty(wrong.FieldErrors("code"));
        var confirmed = (await client.PostAsync("/api/me/two-factor/confirm", new { password = Password, code = authenticator.ComputeTotp() }, patient.AccessToken))
            .Expect(HttpStatusCode.OK);
        var recoveryCodes = confirmed["recoveryCodes"]!.AsArray().Select(c => c!.GetValue<string>()).ToList();
        Assert.Equal(10, recoveryCodes.Count);
        Assert.True((await client.GetAsync("/api/me", patient.AccessToken)).Expect(HttpStatusCode.OK)["twoFactorEnabled"]!.GetValue<bool>());
        await api.Mailbox.WaitForAsync(patient.Email, "Two-factor sign-in was turned on");

        var challenge = (await client.PostAsync("/api/auth/login", new { email = patient.Email, password = Password })).Expect(HttpStatusCode.OK);
        var both = (await client.PostAsync("/api/auth/login/two-factor", new { challengeToken = challenge.Str("challengeToken"), code = "123456", recoveryCode = recoveryCodes[0] }))
            .ExpectProblem(HttpStatusCode.BadRequest);
        Assert.NotEmpty(both.FieldErrors("code"));
        var signedIn = SignedInUser.From((await client.PostAsync("/api/auth/login/two-factor",
            new { challengeToken = challenge.Str("challengeToken"), recoveryCode = recoveryCodes[0] })).Expect(HttpStatusCode.OK));
        var mail = Assert.Single(await api.Mailbox.WaitForAsync(patient.Email, "A recovery code was used"));
        Assert.Contains("9 recovery codes are left", mail.TextBody, StringComparison.Ordinal);
        (await client.PostAsync("/api/auth/login/two-factor", new { challengeToken = challenge.Str("challengeToken"), recoveryCode = recoveryCodes[1] }))
            .ExpectProblem(HttpStatusCode.Unauthorized);

        var badPassword = (await client.SendAsync(HttpMethod.Delete, "/api/me/two-factor", new { password = "not-it", code = authenticator.ComputeTotp() }, signedIn.AccessToken))
            .ExpectProblem(HttpStatusCode.BadRequest);
        Assert.NotEmpty(badPassword.FieldErrors("password"));
        // The confirming code's step was spent: the next step's code (one step ahead is accepted) turns it off.
        (await client.SendAsync(HttpMethod.Delete, "/api/me/two-factor", new { password = Password, code = authenticator.ComputeTotp(DateTime.UtcNow.AddSeconds(30)) }, signedIn.AccessToken))
            .Expect(HttpStatusCode.NoContent);
        await api.Mailbox.WaitForAsync(patient.Email, "Two-factor sign-in was turned off");
        var plain = (await client.PostAsync("/api/auth/login", new { email = patient.Email, password = Password })).Expect(HttpStatusCode.OK);
        Assert.False(string.IsNullOrEmpty(plain.Str("accessToken")));
    }

    [Fact]
    public async Task A_pharmacist_cannot_turn_it_off()
    {
        var pharmacist = await client.Authenticators.EnrolAsync(client, await NewStaffWithoutTwoFactorAsync("pharmacist"), Password);

        // The role is refused before any code is looked at (so this needs no fresh step).
        var refused = (await client.SendAsync(HttpMethod.Delete, "/api/me/two-factor", new { password = Password, code = "000000" }, pharmacist.AccessToken))
            .ExpectProblem(HttpStatusCode.UnprocessableEntity);

        Assert.Contains("must keep two-factor", refused.Str("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_resets_a_lost_second_factor_which_signs_every_device_out_and_sends_staff_back_to_enrolment()
    {
        var admin = await client.LoginAsync(EmbeddedApiFactory.AdminEmail, EmbeddedApiFactory.AdminPassword);
        var pharmacist = await client.Authenticators.EnrolAsync(client, await NewStaffWithoutTwoFactorAsync("pharmacist"), Password);
        (await client.PostAsync($"/api/admin/users/{pharmacist.Id}/two-factor/reset", null, pharmacist.AccessToken)).ExpectProblem(HttpStatusCode.Forbidden);
        (await client.PostAsync($"/api/admin/users/{admin.Id}/two-factor/reset", null, admin.AccessToken)).ExpectProblem(HttpStatusCode.UnprocessableEntity);

        var reset = (await client.PostAsync($"/api/admin/users/{pharmacist.Id}/two-factor/reset", null, admin.AccessToken)).Expect(HttpStatusCode.OK);

        Assert.False(reset["twoFactorEnabled"]!.GetValue<bool>());
        (await client.PostAsync("/api/auth/refresh", new { refreshToken = pharmacist.RefreshToken })).ExpectProblem(HttpStatusCode.Unauthorized);
        await api.Mailbox.WaitForAsync(pharmacist.Email, "Two-factor sign-in was reset");
        var again = (await client.PostAsync("/api/auth/login", new { email = pharmacist.Email, password = Password })).Expect(HttpStatusCode.OK);
        Assert.False(again["twoFactorRequired"]!.GetValue<bool>());
        var problem = (await client.GetAsync("/api/pharmacy/orders", again.Str("accessToken"))).ExpectProblem(HttpStatusCode.Forbidden);
        Assert.EndsWith("two-factor-required", problem.Str("type"), StringComparison.Ordinal);
        (await client.PostAsync($"/api/admin/users/{pharmacist.Id}/two-factor/reset", null, admin.AccessToken)).ExpectProblem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_challenge_token_is_not_a_refresh_token_and_a_bad_one_is_a_401()
    {
        (await client.PostAsync("/api/auth/login/two-factor", new { challengeToken = "nonsense", code = "123456" })).ExpectProblem(HttpStatusCode.Unauthorized);
        (await client.PostAsync("/api/auth/login/two-factor", new { code = "123456" })).ExpectProblem(HttpStatusCode.BadRequest);
    }
}
