using System.Net;
using System.Text;
using MedPlatform.TestSupport;

namespace MedPlatform.Api.Tests;

[Collection(nameof(EmbeddedApi))]
public sealed class SecurityTests(EmbeddedApiFactory api)
{
    private readonly ApiClient client = api.NewClient();

    [Fact]
    public async Task Unknown_email_and_wrong_password_get_the_same_401()
    {
        var email = ApiClient.UniqueEmail();
        await client.RegisterAsync(email);

        var wrongPassword = (await client.PostAsync("/api/auth/login", new { email, password = "not-the-password" })).ExpectProblem(HttpStatusCode.Unauthorized);
        var unknownEmail = (await client.PostAsync("/api/auth/login", new { email = ApiClient.UniqueEmail(), password = "not-the-password" })).ExpectProblem(HttpStatusCode.Unauthorized);

        Assert.Equal(wrongPassword.Str("title"), unknownEmail.Str("title"));
        Assert.Equal(wrongPassword.Str("detail"), unknownEmail.Str("detail"));
        Assert.Equal(wrongPassword.Str("type"), unknownEmail.Str("type"));
    }

    [Fact]
    public async Task A_tampered_token_is_401()
    {
        var patient = await client.RegisterAndLoginAsync();

        var tampered = TestTokens.RaiseRoleToAdmin(patient.AccessToken);

        (await client.GetAsync("/api/me", tampered)).ExpectProblem(HttpStatusCode.Unauthorized);
        (await client.GetAsync("/api/admin/users", tampered)).ExpectProblem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_expired_token_is_401()
    {
        var patient = await client.RegisterAndLoginAsync();

        var expired = TestTokens.Forge(patient.Id, "patient", DateTime.UtcNow.AddMinutes(-5));

        (await client.GetAsync("/api/me", expired)).ExpectProblem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_token_signed_with_another_key_is_401()
    {
        var patient = await client.RegisterAndLoginAsync();

        var foreign = TestTokens.Forge(patient.Id, "admin", DateTime.UtcNow.AddMinutes(10), signingKey: "some-other-key-0123456789-abcdefghijklmnop");

        (await client.GetAsync("/api/admin/users", foreign)).ExpectProblem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_token_for_another_audience_is_401()
    {
        var patient = await client.RegisterAndLoginAsync();

        var misdirected = TestTokens.Forge(patient.Id, "patient", DateTime.UtcNow.AddMinutes(10), audience: "some-other-service");

        (await client.GetAsync("/api/me", misdirected)).ExpectProblem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_well_signed_admin_claim_for_a_patient_account_grants_nothing()
    {
        var patient = await client.RegisterAndLoginAsync();

        // Only possible with the signing key; the grains still refuse because the account is a patient's.
        var claimsAdmin = TestTokens.Forge(patient.Id, "admin", DateTime.UtcNow.AddMinutes(10));

        (await client.GetAsync("/api/admin/users", claimsAdmin)).ExpectProblem(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("GET", "/api/admin/users")]
    [InlineData("POST", "/api/admin/users")]
    [InlineData("POST", "/api/admin/doctors/abc/verify")]
    [InlineData("GET", "/api/admin/audit")]
    public async Task A_patient_calling_an_admin_endpoint_gets_403(string method, string path)
    {
        var patient = await client.RegisterAndLoginAsync();

        var response = await client.SendAsync(new HttpMethod(method), path, method == "POST" ? new { } : null, patient.AccessToken);

        response.ExpectProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Repeated_failures_lock_the_account_for_that_address_with_423_but_not_for_others()
    {
        var email = ApiClient.UniqueEmail();
        await client.RegisterAsync(email);
        var attacker = api.NewClient();
        for (var i = 0; i < 5; i++)
            (await attacker.PostAsync("/api/auth/login", new { email, password = $"guess-number-{i}" })).ExpectProblem(HttpStatusCode.Unauthorized);

        var locked = await attacker.PostAsync("/api/auth/login", new { email, password = "correct-horse-battery" });

        locked.ExpectProblem((HttpStatusCode)423);
        Assert.True(int.Parse(locked.Headers["Retry-After"], System.Globalization.CultureInfo.InvariantCulture) > 0);
        await api.NewClient().LoginAsync(email);
    }

    [Fact]
    public async Task Many_failures_from_one_address_get_429()
    {
        var attacker = api.NewClient();
        for (var i = 0; i < 30; i++)
            (await attacker.PostAsync("/api/auth/login", new { email = ApiClient.UniqueEmail(), password = "guessing-away" })).ExpectProblem(HttpStatusCode.Unauthorized);

        var throttled = await attacker.PostAsync("/api/auth/login", new { email = ApiClient.UniqueEmail(), password = "guessing-away" });

        throttled.ExpectProblem(HttpStatusCode.TooManyRequests);
        Assert.True(throttled.Headers.ContainsKey("Retry-After"));
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem()
    {
        var response = await client.SendAsync(HttpMethod.Post, "/api/auth/login", new StringContent("{\"email\": ", Encoding.UTF8, "application/json"));

        var problem = response.ExpectProblem(HttpStatusCode.BadRequest);
        Assert.Contains("JSON", problem.Str("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrongly_typed_field_is_a_400_problem()
    {
        var response = await client.SendAsync(HttpMethod.Post, "/api/auth/login", new StringContent("{\"email\": 42, \"password\": []}", Encoding.UTF8, "application/json"));

        response.ExpectProblem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_missing_body_is_a_400_problem()
    {
        var response = await client.SendAsync(HttpMethod.Post, "/api/auth/register", new StringContent("", Encoding.UTF8, "application/json"));

        response.ExpectProblem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_415_problem()
    {
        var response = await client.SendAsync(HttpMethod.Post, "/api/auth/login", new StringContent("email=a&password=b", Encoding.UTF8, "application/x-www-form-urlencoded"));

        response.ExpectProblem(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task An_oversized_body_is_a_413_problem()
    {
        var huge = new string('x', (int)api.MaxRequestBodyBytes + 1);
        var body = new StringContent($"{{\"email\":\"a@b.test\",\"password\":\"{huge}\",\"displayName\":\"x\",\"role\":\"patient\"}}", Encoding.UTF8, "application/json");

        var response = await client.SendAsync(HttpMethod.Post, "/api/auth/register", body);

        response.ExpectProblem(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task An_unexpected_failure_is_a_500_problem_that_reveals_nothing()
    {
        var response = await client.GetAsync(EmbeddedApiFactory.FailingPath);

        var problem = response.ExpectProblem(HttpStatusCode.InternalServerError);
        Assert.DoesNotContain("hunter2", response.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", response.Body, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(problem.Str("traceId")));
    }

    [Fact]
    public async Task A_visitor_calling_a_signed_in_endpoint_gets_401()
    {
        (await client.GetAsync("/api/me")).ExpectProblem(HttpStatusCode.Unauthorized);
        (await client.PostAsync("/api/auth/logout", new { })).ExpectProblem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Page_sizes_beyond_the_contract_are_a_400_problem()
    {
        var admin = await client.LoginAsync(EmbeddedApiFactory.AdminEmail, EmbeddedApiFactory.AdminPassword);

        var problem = (await client.GetAsync("/api/admin/users?pageSize=101&page=0", admin.AccessToken)).ExpectProblem(HttpStatusCode.BadRequest);

        Assert.NotEmpty(problem.FieldErrors("pageSize"));
        Assert.NotEmpty(problem.FieldErrors("page"));
    }
}
