using System.Net;
using MedPlatform.TestSupport;

namespace MedPlatform.Api.Tests;

[Collection(nameof(EmbeddedApi))]
public sealed class AdminTests(EmbeddedApiFactory api)
{
    private readonly ApiClient client = api.NewClient();

    private Task<SignedInUser> Admin() => client.LoginAsync(EmbeddedApiFactory.AdminEmail, EmbeddedApiFactory.AdminPassword);

    [Fact]
    public async Task The_configured_admin_exists_on_start()
    {
        var admin = await Admin();

        Assert.Equal("admin", admin.Role);
    }

    [Fact]
    public async Task Verifying_a_doctor_shows_in_their_next_token()
    {
        var admin = await Admin();
        var doctor = await client.RegisterAndLoginAsync("doctor");

        var verified = (await client.PostAsync($"/api/admin/doctors/{doctor.Id}/verify", null, admin.AccessToken)).Expect(HttpStatusCode.OK);

        Assert.True(verified["verified"]!.GetValue<bool>());
        var refreshed = (await client.PostAsync("/api/auth/refresh", new { refreshToken = doctor.RefreshToken })).Expect(HttpStatusCode.OK);
        Assert.True(refreshed["user"]!["verified"]!.GetValue<bool>());
        Assert.True((await client.GetAsync("/api/me", refreshed.Str("accessToken"))).Expect(HttpStatusCode.OK)["verified"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Verifying_a_patient_or_an_unknown_id_is_404()
    {
        var admin = await Admin();
        var patient = await client.RegisterAndLoginAsync();

        (await client.PostAsync($"/api/admin/doctors/{patient.Id}/verify", null, admin.AccessToken)).ExpectProblem(HttpStatusCode.NotFound);
        (await client.PostAsync($"/api/admin/doctors/{Guid.NewGuid():N}/verify", null, admin.AccessToken)).ExpectProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_admin_creates_a_pharmacist_who_can_sign_in()
    {
        var admin = await Admin();
        var email = ApiClient.UniqueEmail("pharmacist");

        var created = (await client.PostAsync("/api/admin/users",
            new { email, password = "pharmacy-pass-2026", displayName = "Phil Pharmacist", role = "pharmacist" }, admin.AccessToken))
            .Expect(HttpStatusCode.Created);

        Assert.Equal("pharmacist", created.Str("role"));
        Assert.Equal("pharmacist", (await client.LoginAsync(email, "pharmacy-pass-2026")).Role);
    }

    [Fact]
    public async Task Staff_accounts_are_only_pharmacists_and_admins()
    {
        var admin = await Admin();

        var problem = (await client.PostAsync("/api/admin/users",
            new { email = ApiClient.UniqueEmail(), password = "pharmacy-pass-2026", displayName = "Pat", role = "patient" }, admin.AccessToken))
            .ExpectProblem(HttpStatusCode.BadRequest);

        Assert.NotEmpty(problem.FieldErrors("role"));
    }

    [Fact]
    public async Task Users_page_by_role_and_verification_within_the_contract()
    {
        var admin = await Admin();
        var doctors = new List<string>();
        for (var i = 0; i < 3; i++)
            doctors.Add((await client.RegisterAndLoginAsync("doctor")).Id);
        await client.PostAsync($"/api/admin/doctors/{doctors[0]}/verify", null, admin.AccessToken);

        var firstPage = (await client.GetAsync("/api/admin/users?role=doctor&verified=false&pageSize=2&page=1", admin.AccessToken)).Expect(HttpStatusCode.OK);
        var secondPage = (await client.GetAsync("/api/admin/users?role=doctor&verified=false&pageSize=2&page=2", admin.AccessToken)).Expect(HttpStatusCode.OK);
        var verified = (await client.GetAsync("/api/admin/users?role=doctor&verified=true", admin.AccessToken)).Expect(HttpStatusCode.OK);

        Assert.Equal(1, firstPage["page"]!.GetValue<int>());
        Assert.Equal(2, firstPage["pageSize"]!.GetValue<int>());
        Assert.True(firstPage["totalCount"]!.GetValue<long>() >= 2);
        var unverifiedIds = firstPage["items"]!.AsArray().Concat(secondPage["items"]!.AsArray()).Select(u => u!.Str("id")).ToList();
        Assert.Equal(unverifiedIds.Count, unverifiedIds.Distinct().Count());
        Assert.Contains(doctors[2], unverifiedIds);
        Assert.DoesNotContain(doctors[0], unverifiedIds);
        Assert.Contains(doctors[0], verified["items"]!.AsArray().Select(u => u!.Str("id")));
        Assert.All(firstPage["items"]!.AsArray(), u => Assert.Equal("doctor", u!.Str("role")));
    }

    [Fact]
    public async Task An_unknown_role_filter_is_a_400()
    {
        var admin = await Admin();

        (await client.GetAsync("/api/admin/users?role=wizard", admin.AccessToken)).ExpectProblem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_audit_log_records_sign_ins_failures_sign_outs_and_admin_actions_newest_first()
    {
        var admin = await Admin();
        var address = EmbeddedApiFactory.RandomAddress();
        var doctorClient = api.NewClient(address);
        var email = ApiClient.UniqueEmail("doctor");
        await doctorClient.RegisterAsync(email, "doctor");
        (await doctorClient.PostAsync("/api/auth/login", new { email, password = "wrong-password-1" })).ExpectProblem(HttpStatusCode.Unauthorized);
        var doctor = await doctorClient.LoginAsync(email);
        await client.PostAsync($"/api/admin/doctors/{doctor.Id}/verify", null, admin.AccessToken);
        (await doctorClient.PostAsync("/api/auth/logout", new { refreshToken = doctor.RefreshToken }, doctor.AccessToken)).Expect(HttpStatusCode.NoContent);

        var log = (await client.GetAsync($"/api/admin/audit?userId={doctor.Id}", admin.AccessToken)).Expect(HttpStatusCode.OK);

        var entries = log["items"]!.AsArray().Select(e => e!).ToList();
        Assert.Equal(["auth.logout", "admin.doctor.verified", "auth.login", "auth.login.failed", "account.email.confirmed", "account.registered"], entries.Select(e => e.Str("action")));
        Assert.Equal(address, entries[0].Str("ip"));
        Assert.Equal(admin.Id, entries[1].Str("actorId"));
        Assert.Equal($"user:{doctor.Id}", entries[1].Str("target"));
        Assert.True(entries[3].AsObject().ContainsKey("actorId"), "actorId is a contract field, present even when null");
        Assert.Null(entries[3]["actorId"]);
        Assert.True(entries.Zip(entries.Skip(1)).All(pair => DateTimeOffset.Parse(pair.First.Str("at"), System.Globalization.CultureInfo.InvariantCulture) >= DateTimeOffset.Parse(pair.Second.Str("at"), System.Globalization.CultureInfo.InvariantCulture)));

        var byAction = (await client.GetAsync($"/api/admin/audit?userId={doctor.Id}&action=auth.login.failed", admin.AccessToken)).Expect(HttpStatusCode.OK);
        Assert.Equal(1, byAction["totalCount"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_trusted_proxy_reports_the_client_address_and_an_untrusted_peer_cannot()
    {
        var admin = await Admin();
        var viaProxy = await SignInAndReadAuditedAddress(admin, peer: "127.0.0.1", forwardedFor: "198.51.100.7");
        var direct = await SignInAndReadAuditedAddress(admin, peer: "203.0.113.9", forwardedFor: "198.51.100.8");

        Assert.Equal("198.51.100.7", viaProxy);
        Assert.Equal("203.0.113.9", direct);
    }

    private async Task<string> SignInAndReadAuditedAddress(SignedInUser admin, string peer, string forwardedFor)
    {
        var visitor = api.NewClient(peer);
        var user = await visitor.RegisterAndLoginAsync();
        await visitor.SendAsync(HttpMethod.Post, "/api/auth/login", new { email = user.Email, password = "correct-horse-battery" },
            headers: new Dictionary<string, string> { ["X-Forwarded-For"] = forwardedFor });
        var log = (await client.GetAsync($"/api/admin/audit?userId={user.Id}&action=auth.login", admin.AccessToken)).Expect(HttpStatusCode.OK);
        return log["items"]![0]!.Str("ip");
    }
}
