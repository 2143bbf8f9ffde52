using System.Net;
using MedPlatform.TestSupport;

namespace MedPlatform.Api.Tests;

/// <summary>A verified doctor finds the patient to prescribe for by email; nobody else may look, and every lookup is audited.</summary>
[Collection(nameof(EmbeddedApi))]
public sealed class PatientLookupTests(EmbeddedApiFactory api)
{
    [Fact]
    public async Task A_verified_doctor_finds_a_patient_by_email_whatever_its_case_and_the_lookup_is_audited()
    {
        var actors = await MallActors.GetAsync(api);
        var client = actors.Client;

        var found = (await client.GetAsync($"/api/patients?email={Uri.EscapeDataString(actors.Patient.Email.ToUpperInvariant())}", actors.VerifiedDoctor.AccessToken))
            .Expect(HttpStatusCode.OK);

        Assert.Equal(actors.Patient.Id, found.Str("id"));
        Assert.False(string.IsNullOrWhiteSpace(found.Str("displayName")));
        Assert.Equal(2, found.AsObject().Count);
        var audit = (await client.GetAsync($"/api/admin/audit?userId={actors.Patient.Id}&action=patient.looked-up", actors.Admin.AccessToken)).Expect(HttpStatusCode.OK);
        Assert.Contains(audit["items"]!.AsArray(), entry => entry!.Str("actorId") == actors.VerifiedDoctor.Id);
    }

    [Fact]
    public async Task An_unknown_address_and_an_account_that_is_not_a_patients_are_both_not_found_and_the_miss_is_audited()
    {
        var actors = await MallActors.GetAsync(api);
        var client = actors.Client;

        (await client.GetAsync($"/api/patients?email={Uri.EscapeDataString(ApiClient.UniqueEmail("nobody"))}", actors.VerifiedDoctor.AccessToken))
            .ExpectProblem(HttpStatusCode.NotFound);
        (await client.GetAsync($"/api/patients?email={Uri.EscapeDataString(actors.Pharmacist.Email)}", actors.VerifiedDoctor.AccessToken))
            .ExpectProblem(HttpStatusCode.NotFound);

        var audit = (await client.GetAsync($"/api/admin/audit?userId={actors.VerifiedDoctor.Id}&action=patient.lookup.missed", actors.Admin.AccessToken)).Expect(HttpStatusCode.OK);
        Assert.True(audit["items"]!.AsArray().Count >= 2);
    }

    [Theory]
    [InlineData("visitor", HttpStatusCode.Unauthorized)]
    [InlineData("patient", HttpStatusCode.Forbidden)]
    [InlineData("unverified doctor", HttpStatusCode.Forbidden)]
    [InlineData("pharmacist", HttpStatusCode.Forbidden)]
    [InlineData("admin", HttpStatusCode.Forbidden)]
    public async Task Only_verified_doctors_may_look_patients_up(string role, HttpStatusCode expected)
    {
        var actors = await MallActors.GetAsync(api);

        var response = await actors.Client.GetAsync($"/api/patients?email={Uri.EscapeDataString(actors.Patient.Email)}", actors.TokenOf(role));

        response.ExpectProblem(expected);
    }

    [Fact]
    public async Task A_lookup_without_an_email_is_a_400_naming_the_field()
    {
        var actors = await MallActors.GetAsync(api);

        var problem = (await actors.Client.GetAsync("/api/patients", actors.VerifiedDoctor.AccessToken)).ExpectProblem(HttpStatusCode.BadRequest);

        Assert.NotNull(problem["errors"]!["email"]);
    }

    [Fact]
    public async Task A_prescription_shows_its_patients_name_to_its_doctor_and_to_staff()
    {
        var actors = await MallActors.GetAsync(api);
        var me = (await actors.Client.GetAsync("/api/me", actors.Patient.AccessToken)).Expect(HttpStatusCode.OK);

        var byDoctor = (await actors.Client.GetAsync($"/api/prescriptions/{actors.PrescriptionId}", actors.VerifiedDoctor.AccessToken)).Expect(HttpStatusCode.OK);
        var byPharmacist = (await actors.Client.GetAsync($"/api/prescriptions/{actors.PrescriptionId}", actors.Pharmacist.AccessToken)).Expect(HttpStatusCode.OK);

        Assert.Equal(me.Str("displayName"), byDoctor.Str("patientName"));
        Assert.Equal(me.Str("displayName"), byPharmacist.Str("patientName"));
    }

    [Fact]
    public async Task A_doctor_finds_by_name_only_their_own_patients_and_never_an_anonymous_asker()
    {
        var actors = await MallActors.GetAsync(api);
        var client = actors.Client;
        var doctor = await ForumActors.VerifiedDoctorAsync(client, actors.Admin);
        var otherDoctor = await ForumActors.VerifiedDoctorAsync(client, actors.Admin);
        var tag = Guid.NewGuid().ToString("N")[..10];
        // Display names are "Test patient <the address's local part>": the tag is in each name.
        var prescribed = await client.RegisterAndLoginAsync(email: $"rx-{tag}@example.test");
        var asker = await client.RegisterAndLoginAsync(email: $"open-{tag}@example.test");
        var anonymous = await client.RegisterAndLoginAsync(email: $"anon-{tag}@example.test");
        var stranger = await client.RegisterAndLoginAsync(email: $"stranger-{tag}@example.test");
        async Task<IReadOnlyList<string>> FindAsync(SignedInUser who, string q) =>
            (await client.GetAsync($"/api/patients?q={Uri.EscapeDataString(q)}", who.AccessToken)).Expect(HttpStatusCode.OK).AsArray()
                .Select(m => m!.Str("id")).ToList();
        Assert.Empty(await FindAsync(doctor, tag));

        await MallActors.PrescribeAsync(client, doctor, prescribed.Id, actors.RxProductId);
        async Task<string> AnsweredAsync(SignedInUser author, bool anonymously)
        {
            var thread = (await client.PostAsync("/api/forum/threads",
                new { title = "A question for the name search", body = "Details of it.", department = "general-practice", anonymous = anonymously },
                author.AccessToken)).Expect(HttpStatusCode.Created).Str("id");
            (await client.PostAsync($"/api/forum/threads/{thread}/answers", new { body = "An answer." }, doctor.AccessToken)).Expect(HttpStatusCode.Created);
            return thread;
        }
        await AnsweredAsync(asker, anonymously: false);
        var anonymousThread = await AnsweredAsync(anonymous, anonymously: true);
        // A prescription through the anonymous question does not make its asker findable either.
        (await client.PostAsync("/api/prescriptions",
            new { threadId = anonymousThread, items = new[] { new { productId = actors.RxProductId, quantity = 1 } } }, doctor.AccessToken))
            .Expect(HttpStatusCode.Created);

        Assert.Equal([asker.Id, prescribed.Id], await FindAsync(doctor, tag)); // by name: "open-…" before "rx-…"
        Assert.Equal([prescribed.Id], await FindAsync(doctor, $"RX-{tag}"));
        Assert.Empty(await FindAsync(otherDoctor, tag));
        Assert.DoesNotContain(stranger.Id, await FindAsync(doctor, "stranger"));
        Assert.Empty(await FindAsync(doctor, "%_")); // wildcards are letters here

        var audit = (await client.GetAsync($"/api/admin/audit?userId={asker.Id}&action=patient.looked-up", actors.Admin.AccessToken)).Expect(HttpStatusCode.OK);
        Assert.Contains(audit["items"]!.AsArray(), entry => entry!.Str("actorId") == doctor.Id);
        (await client.GetAsync($"/api/patients?q={tag}", actors.Patient.AccessToken)).ExpectProblem(HttpStatusCode.Forbidden);
        Assert.NotNull((await client.GetAsync("/api/patients?q=x", doctor.AccessToken)).ExpectProblem(HttpStatusCode.BadRequest)["errors"]!["q"]);
        (await client.GetAsync($"/api/patients?q={tag}&email={Uri.EscapeDataString(asker.Email)}", doctor.AccessToken)).ExpectProblem(HttpStatusCode.BadRequest);
    }
}
