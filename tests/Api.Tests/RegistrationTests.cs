using System.Net;
using MedPlatform.TestSupport;

namespace MedPlatform.Api.Tests;

[Collection(nameof(EmbeddedApi))]
public sealed class RegistrationTests(EmbeddedApiFactory api)
{
    private readonly ApiClient client = api.NewClient();

    [Fact]
    public async Task Registering_a_patient_answers_201_with_the_account()
    {
        var email = ApiClient.UniqueEmail();

        var account = (await client.PostAsync("/api/auth/register", ApiClient.Registration(email))).Expect(HttpStatusCode.Created);

        Assert.Equal(email, account.Str("email"));
        Assert.Equal("patient", account.Str("role"));
        Assert.False(account["verified"]!.GetValue<bool>());
        Assert.Equal(32, account.Str("id").Length);
        Assert.Null(account["password"]);
    }

    [Fact]
    public async Task A_doctor_registers_unverified_with_a_licence_and_department()
    {
        var response = await client.PostAsync("/api/auth/register", new
        {
            email = ApiClient.UniqueEmail("doctor"), password = "correct-horse-battery", displayName = "Dr. Test",
            role = "doctor", licenseNumber = "GMC-1234567", department = "dermatology",
        });

        var account = response.Expect(HttpStatusCode.Created);
        Assert.Equal("doctor", account.Str("role"));
        Assert.False(account["verified"]!.GetValue<bool>());
        Assert.Equal("GMC-1234567", account.Str("licenseNumber"));
        Assert.Equal("dermatology", account.Str("department"));
    }

    [Fact]
    public async Task A_taken_email_is_409_whatever_its_case()
    {
        var email = ApiClient.UniqueEmail();
        await client.RegisterAsync(email);

        var again = await client.PostAsync("/api/auth/register", ApiClient.Registration(email.ToUpperInvariant()));

        again.ExpectProblem(HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData("pharmacist")]
    [InlineData("admin")]
    [InlineData("superuser")]
    [InlineData("")]
    public async Task Only_patient_and_doctor_can_be_chosen(string role)
    {
        var problem = (await client.PostAsync("/api/auth/register", ApiClient.Registration(ApiClient.UniqueEmail(), role)))
            .ExpectProblem(HttpStatusCode.BadRequest);

        Assert.NotEmpty(problem.FieldErrors("role"));
    }

    [Fact]
    public async Task Every_invalid_field_is_named_in_one_400()
    {
        var problem = (await client.PostAsync("/api/auth/register", new { email = "not-an-email", password = "short", displayName = "", role = "doctor" }))
            .ExpectProblem(HttpStatusCode.BadRequest);

        Assert.NotEmpty(problem.FieldErrors("email"));
        Assert.NotEmpty(problem.FieldErrors("password"));
        Assert.NotEmpty(problem.FieldErrors("displayName"));
        Assert.NotEmpty(problem.FieldErrors("licenseNumber"));
    }

    [Theory]
    [InlineData("1234567")]
    [InlineData("password")]
    public async Task Weak_passwords_are_refused(string password)
    {
        var problem = (await client.PostAsync("/api/auth/register", ApiClient.Registration(ApiClient.UniqueEmail(), password: password)))
            .ExpectProblem(HttpStatusCode.BadRequest);

        Assert.NotEmpty(problem.FieldErrors("password"));
    }

    [Fact]
    public async Task A_refused_registration_leaves_the_email_free()
    {
        var email = ApiClient.UniqueEmail();
        (await client.PostAsync("/api/auth/register", ApiClient.Registration(email, password: "short"))).ExpectProblem(HttpStatusCode.BadRequest);

        (await client.PostAsync("/api/auth/register", ApiClient.Registration(email))).Expect(HttpStatusCode.Created);
    }
}
